package io.sunboard.server.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;

/**
 * At most {@code limit} hits per key within any {@code window}. A hit may carry an id:
 * the same id again within the window is admitted without counting, so a device that
 * resends a batch the server already took (the protocol's at-least-once delivery) is not
 * punished for it.
 */
public final class SlidingWindowLimiter {

	private final int limit;

	private final Duration window;

	private final int maxKeys;

	private final Clock clock;

	private final Map<String, ArrayDeque<Hit>> hits = new HashMap<>();

	/**
	 * @param maxKeys keys remembered at most; past that, keys with no hit in the window
	 * are forgotten first and, if that is not enough, everything (an attacker with very
	 * many addresses then gets through for a moment rather than every visitor being
	 * refused, and memory stays bounded)
	 */
	public SlidingWindowLimiter(int limit, Duration window, int maxKeys, Clock clock) {
		if (limit < 1 || window.isNegative() || window.isZero() || maxKeys < 1) {
			throw new IllegalArgumentException("limit and maxKeys must be at least 1 and window positive; got " + limit
					+ ", " + window + ", " + maxKeys);
		}
		this.limit = limit;
		this.window = window;
		this.maxKeys = maxKeys;
		this.clock = Objects.requireNonNull(clock, "clock");
	}

	/** One anonymous hit for {@code key}. */
	public Decision tryAcquire(String key) {
		return tryAcquire(key, null);
	}

	/**
	 * One hit for {@code key}; an {@code id} already admitted for this key within the
	 * window is admitted again for free.
	 */
	public synchronized Decision tryAcquire(String key, String id) {
		Instant now = this.clock.instant();
		ArrayDeque<Hit> recent = this.hits.get(key);
		if (recent == null) {
			makeRoom(now);
			recent = new ArrayDeque<>();
			this.hits.put(key, recent);
		}
		expire(recent, now);
		if (id != null && recent.stream().anyMatch((hit) -> id.equals(hit.id()))) {
			return Decision.ALLOWED;
		}
		if (recent.size() >= this.limit) {
			Duration wait = Duration.between(now, recent.peekFirst().at().plus(this.window));
			return new Decision(false, wait.isNegative() ? Duration.ZERO : wait);
		}
		recent.addLast(new Hit(now, id));
		return Decision.ALLOWED;
	}

	synchronized int keys() {
		return this.hits.size();
	}

	private void makeRoom(Instant now) {
		if (this.hits.size() < this.maxKeys) {
			return;
		}
		for (Iterator<ArrayDeque<Hit>> it = this.hits.values().iterator(); it.hasNext();) {
			ArrayDeque<Hit> recent = it.next();
			expire(recent, now);
			if (recent.isEmpty()) {
				it.remove();
			}
		}
		if (this.hits.size() >= this.maxKeys) {
			this.hits.clear();
		}
	}

	private void expire(ArrayDeque<Hit> recent, Instant now) {
		Instant oldest = now.minus(this.window);
		while (!recent.isEmpty() && !recent.peekFirst().at().isAfter(oldest)) {
			recent.removeFirst();
		}
	}

	/**
	 * @param retryAfter when refused, how long until the oldest hit leaves the window
	 */
	public record Decision(boolean allowed, Duration retryAfter) {

		static final Decision ALLOWED = new Decision(true, Duration.ZERO);

		/** Whole seconds, at least 1, for a {@code Retry-After} header. */
		public long retryAfterSeconds() {
			return Math.max(1, (this.retryAfter.toMillis() + 999) / 1000);
		}

	}

	private record Hit(Instant at, String id) {

	}

}
