package io.sunboard.server.broker;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubscribeRetryTests {

	private final List<Long> pauses = new ArrayList<>();

	private final List<Long> reported = new ArrayList<>();

	@Test
	void anUnansweredSubscriptionIsTriedAgainUntilItHolds() {
		AtomicInteger attempts = new AtomicInteger();

		boolean held = SubscribeRetry.untilHeld(() -> {
			if (attempts.incrementAndGet() < 3) {
				// what Paho throws when the SUBACK does not come within the wait
				throw new MqttException(32000);
			}
		}, () -> true, this.pauses::add, (ex, delay) -> this.reported.add(delay));

		assertThat(held).isTrue();
		assertThat(attempts).hasValue(3);
		assertThat(this.pauses).containsExactly(1_000L, 2_000L);
		assertThat(this.reported).as("each failure is logged with the wait before the next").isEqualTo(this.pauses);
	}

	@Test
	void theWaitDoublesUpToHalfAMinute() {
		AtomicInteger attempts = new AtomicInteger();

		SubscribeRetry.untilHeld(() -> {
			if (attempts.incrementAndGet() < 9) {
				throw new MqttException(32000);
			}
		}, () -> true, this.pauses::add, (ex, delay) -> {
		});

		assertThat(this.pauses).containsExactly(1_000L, 2_000L, 4_000L, 8_000L, 16_000L, 30_000L, 30_000L, 30_000L);
	}

	@Test
	void aLostConnectionOrAStopEndsTheAttempts() {
		AtomicInteger attempts = new AtomicInteger();

		// the connection drops after the first failure: the next connection subscribes
		// for itself
		boolean held = SubscribeRetry.untilHeld(() -> {
			attempts.incrementAndGet();
			throw new MqttException(32000);
		}, () -> attempts.get() < 1, this.pauses::add, (ex, delay) -> {
		});

		assertThat(held).isFalse();
		assertThat(attempts).hasValue(1);
	}

	@Test
	void aRefusedFilterIsAFailureNamingIt() throws MqttException {
		List<String> filters = List.of("$share/sunboard/sunboard/v1/d/+/ev", "$share/sunboard/sunboard/v1/d/+/status",
				"$share/sunboard/sunboard/v1/d/+/hb");

		SubscribeRetry.requireGranted(new int[] { 1, 1, 0 }, filters);
		assertThatThrownBy(() -> SubscribeRetry.requireGranted(new int[] { 1, 0x87, 0 }, filters))
			.isInstanceOf(MqttException.class)
			.satisfies((ex) -> assertThat(((MqttException) ex).getReasonCode()).isEqualTo(0x87))
			.cause()
			.hasMessageContaining("$share/sunboard/sunboard/v1/d/+/status")
			.hasMessageContaining("0x87");
	}

}
