package io.sunboard.server.device;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The credentials of screens that authenticated in the last few seconds. A region fan-out
 * makes every screen download its new content at once, and reading the screen's row for
 * each download was over a third of that request's Java CPU in a profile
 * (docs/scaling.md).
 * <p>
 * Only active screens are kept, and {@link DeviceRegistry} forgets a screen the moment
 * this instance rotates its secret or retires it. A change made by another server
 * instance is seen here after {@link #TTL} at the latest.
 * <p>
 * Credentials are remembered with the {@link #stamp()} taken before they were read: if
 * any screen was forgotten since, they may predate a rotation or retirement that
 * committed meanwhile, and are not kept.
 */
final class RecentCredentials {

	static final Duration TTL = Duration.ofSeconds(10);

	/** Beyond this many screens the oldest entries are not worth a sweep: start over. */
	private static final int MAX_ENTRIES = 200_000;

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	private final Clock clock;

	/** Counts the forgets; see {@link #stamp()}. */
	private final AtomicLong forgets = new AtomicLong();

	RecentCredentials(Clock clock) {
		this.clock = clock;
	}

	Optional<DeviceRepository.Credentials> get(String deviceId) {
		Entry entry = this.entries.get(deviceId);
		if (entry == null) {
			return Optional.empty();
		}
		if (!this.clock.instant().isBefore(entry.expires())) {
			this.entries.remove(deviceId, entry);
			return Optional.empty();
		}
		return Optional.of(entry.credentials());
	}

	/** Taken before reading credentials that {@link #put} is then given. */
	long stamp() {
		return this.forgets.get();
	}

	/**
	 * Remembers credentials read after {@code stamp} was taken, unless a screen was
	 * forgotten since.
	 */
	void put(DeviceRepository.Credentials credentials, long stamp) {
		if (this.entries.size() >= MAX_ENTRIES) {
			this.entries.clear();
		}
		String id = credentials.device().id();
		Entry entry = new Entry(credentials, this.clock.instant().plus(TTL));
		this.entries.put(id, entry);
		// checked after the put: a forget that removed the screen before this put has
		// counted by now, and one that counts later removes the entry itself
		if (this.forgets.get() != stamp) {
			this.entries.remove(id, entry);
		}
	}

	void putAll(Collection<DeviceRepository.Credentials> credentials, long stamp) {
		credentials.forEach((c) -> put(c, stamp));
	}

	void forget(String deviceId) {
		this.forgets.incrementAndGet();
		this.entries.remove(deviceId);
	}

	private record Entry(DeviceRepository.Credentials credentials, Instant expires) {

	}

}
