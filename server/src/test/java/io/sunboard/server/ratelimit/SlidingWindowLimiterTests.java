package io.sunboard.server.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import io.sunboard.protocol.DeviceEvent;
import io.sunboard.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

class SlidingWindowLimiterTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));

	@Test
	void admitsTheLimitPerKeyThenRefusesUntilTheOldestHitLeavesTheWindow() {
		SlidingWindowLimiter limiter = new SlidingWindowLimiter(3, Duration.ofMinutes(1), 100, this.clock);
		for (int i = 0; i < 3; i++) {
			assertThat(limiter.tryAcquire("a").allowed()).isTrue();
			this.clock.advance(Duration.ofSeconds(10));
		}
		SlidingWindowLimiter.Decision refused = limiter.tryAcquire("a");
		assertThat(refused.allowed()).isFalse();
		assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(30));
		assertThat(refused.retryAfterSeconds()).isEqualTo(30);
		assertThat(limiter.tryAcquire("b").allowed()).as("another key has its own allowance").isTrue();
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(limiter.tryAcquire("a").allowed()).isTrue();
		assertThat(limiter.tryAcquire("a").allowed()).isFalse();
	}

	@Test
	void anIdAdmittedBeforeIsAdmittedAgainForFree() {
		SlidingWindowLimiter limiter = new SlidingWindowLimiter(2, Duration.ofHours(1), 100, this.clock);
		assertThat(limiter.tryAcquire("d", "e1").allowed()).isTrue();
		assertThat(limiter.tryAcquire("d", "e2").allowed()).isTrue();
		assertThat(limiter.tryAcquire("d", "e3").allowed()).isFalse();
		assertThat(limiter.tryAcquire("d", "e1").allowed()).as("a resent event").isTrue();
		assertThat(limiter.tryAcquire("d", "e2").allowed()).isTrue();
	}

	@Test
	void remembersAtMostMaxKeys() {
		SlidingWindowLimiter limiter = new SlidingWindowLimiter(1, Duration.ofMinutes(1), 10, this.clock);
		for (int i = 0; i < 1000; i++) {
			limiter.tryAcquire("key-" + i);
		}
		assertThat(limiter.keys()).isLessThanOrEqualTo(10);
		this.clock.advance(Duration.ofMinutes(2));
		limiter.tryAcquire("fresh");
		assertThat(limiter.keys()).as("expired keys are forgotten first").isEqualTo(1);
	}

	@Test
	void feedbackOverTheHourlyAllowanceIsDroppedAndCountedOtherEventsPass() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		FeedbackRateLimit limit = new FeedbackRateLimit(new RateLimitSettings(3, 120, 20, 1000),
				new RateLimitMetrics(registry), this.clock);
		Instant at = this.clock.instant();
		List<DeviceEvent> batch = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			batch.add(DeviceEvent.feedback("f" + i, at, "suggestion", "text " + i, null, null));
			batch.add(DeviceEvent.played("p" + i, at, "p-1", 1000));
		}
		List<DeviceEvent> admitted = limit.admit("kiosk-1", batch);
		assertThat(admitted).extracting(DeviceEvent::id)
			.containsExactly("f0", "p0", "f1", "p1", "f2", "p2", "p3", "p4");
		assertThat(registry.get(RateLimitMetrics.REJECTED).tag("limit", "feedback").counter().count()).isEqualTo(2);
		assertThat(limit.admit("kiosk-2", batch)).as("each device has its own allowance").hasSize(8);
		assertThat(limit.admit("kiosk-1", batch)).as("a resent batch keeps what was admitted").hasSize(8);
		this.clock.advance(Duration.ofHours(1));
		assertThat(limit.admit("kiosk-1", batch.subList(6, 10))).hasSize(4);
	}

}
