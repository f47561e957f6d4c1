package io.sunboard.kiosk;

import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTests {

	private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), new Random(42));

	@Test
	void delaysDoubleWithJitterUpToTheCap() {
		long[] windows = { 1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000 };
		for (long window : windows) {
			assertThat(this.backoff.nextDelay().toMillis()).isBetween(window / 2, window);
		}
		for (int i = 0; i < 100; i++) {
			assertThat(this.backoff.nextDelay().toMillis()).isBetween(30_000L, 60_000L);
		}
	}

	@Test
	void resetStartsAgainFromTheInitialDelay() {
		for (int i = 0; i < 10; i++) {
			this.backoff.nextDelay();
		}
		this.backoff.reset();

		assertThat(this.backoff.nextDelay().toMillis()).isBetween(500L, 1000L);
	}

}
