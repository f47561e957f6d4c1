package io.sunboard.server.device;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The credentials of screens that authenticated in the last few seconds. A region fan-out
 * makes every screen download its new content at once, and reading the screen's row for
 * each download was over a third of that request's Java CPU in a profile
 * (docs/scaling.md).
 * <p>
 * Only active screens are kept, and {@link DeviceRegistry} forgets a screen the moment
 * this instance rotates its secret or retires it. A change made by another server
 * instance is seen here after {@link #TTL} at the latest.
 */
final class RecentCredentials {

	static final Duration TTL = Duration.ofSeconds(10);

	/** Beyond this many screens the oldest entries are not worth a sweep: start over. */
	private static final int MAX_ENTRIES = 200_000;

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	private final Clock clock;

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

	void put(DeviceRepository.Credentials credentials) {
		if (this.entries.size() >= MAX_ENTRIES) {
			this.entries.clear();
		}
		this.entries.put(credentials.device().id(), new Entry(credentials, this.clock.instant().plus(TTL)));
	}

	void forget(String deviceId) {
		this.entries.remove(deviceId);
	}

	private record Entry(DeviceRepository.Credentials credentials, Instant expires) {

	}

}
