package io.sunboard.kiosk;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter: each delay is drawn from the upper half of a window
 * that doubles per failure up to a cap. The jitter keeps a school's screens from all
 * reconnecting in the same second after a broker restart.
 */
final class Backoff {

	private final Duration initial;

	private final Duration cap;

	private final RandomGenerator random;

	private int failures;

	Backoff(Duration initial, Duration cap, RandomGenerator random) {
		if (initial.isNegative() || initial.isZero() || cap.compareTo(initial) < 0) {
			throw new IllegalArgumentException("backoff needs 0 < initial <= cap; got " + initial + ", " + cap);
		}
		this.initial = initial;
		this.cap = cap;
		this.random = random;
	}

	/** Broker reconnects: 1 s doubling to 60 s. */
	static Backoff reconnect() {
		return new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), RandomGenerator.getDefault());
	}

	/**
	 * Content fetch retries: the server may be down for a while; 2 s doubling to 5 min.
	 */
	static Backoff contentRetry() {
		return new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5), RandomGenerator.getDefault());
	}

	/** The delay before the next attempt; each call counts one more failure. */
	synchronized Duration nextDelay() {
		long window = windowMillis();
		this.failures = Math.min(this.failures + 1, 62);
		long half = window / 2;
		return Duration.ofMillis(half + this.random.nextLong(window - half + 1));
	}

	/** After a success the next failure starts from the initial delay again. */
	synchronized void reset() {
		this.failures = 0;
	}

	private long windowMillis() {
		long initialMillis = this.initial.toMillis();
		long capMillis = this.cap.toMillis();
		if (this.failures >= 62 || initialMillis > (capMillis >> Math.min(this.failures, 62))) {
			return capMillis;
		}
		return Math.min(capMillis, initialMillis << this.failures);
	}

}
