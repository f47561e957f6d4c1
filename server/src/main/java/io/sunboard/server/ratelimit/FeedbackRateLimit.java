package io.sunboard.server.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.sunboard.protocol.DeviceEvent;
import io.sunboard.protocol.EventType;

/**
 * Caps the feedback events each device may have stored per hour, so a kiosk whose touch
 * screen is abused (or whose software is stuck in a loop) cannot flood the feedback
 * inbox. Other event types pass untouched.
 */
@Component
public class FeedbackRateLimit {

	private static final Logger log = LoggerFactory.getLogger(FeedbackRateLimit.class);

	private final SlidingWindowLimiter limiter;

	private final RateLimitMetrics metrics;

	FeedbackRateLimit(RateLimitSettings settings, RateLimitMetrics metrics, Clock clock) {
		this.limiter = new SlidingWindowLimiter(settings.feedbackPerHour(), Duration.ofHours(1), settings.maxKeys(),
				clock);
		this.metrics = metrics;
	}

	/**
	 * The events to store: all of {@code events} except feedback over the device's hourly
	 * allowance, which is counted ({@code sunboard.ratelimit.rejected},
	 * {@code limit=feedback}) and dropped.
	 */
	public List<DeviceEvent> admit(String deviceId, List<DeviceEvent> events) {
		List<DeviceEvent> admitted = new ArrayList<>(events.size());
		int refused = 0;
		for (DeviceEvent event : events) {
			if (event.type() != EventType.FEEDBACK || this.limiter.tryAcquire(deviceId, event.id()).allowed()) {
				admitted.add(event);
			}
			else {
				refused++;
			}
		}
		if (refused > 0) {
			this.metrics.rejected("feedback", refused);
			log.warn("Device {} sent {} feedback events over its hourly limit; not stored", deviceId, refused);
		}
		return admitted;
	}

}
