package io.sunboard.protocol;

import java.time.Instant;

/**
 * One journal event. {@code id} is unique per device, so the server stores (device, id)
 * once however often QoS 1 or a replay delivers it.
 *
 * @param manifestVersion for {@code applied}: the version applied
 * @param postingId for {@code played}: the posting shown
 * @param durationMs for {@code played}: how long it was on screen
 */
public record DeviceEvent(String id, EventType type, Instant at, Long manifestVersion, String postingId,
		Long durationMs) {

	public DeviceEvent {
		Ids.require(id, "event.id");
		Checks.present(type, "event.type");
		Checks.present(at, "event.at");
		switch (type) {
			case APPLIED ->
				Checks.nonNegative(Checks.present(manifestVersion, "event.manifestVersion"), "event.manifestVersion");
			case PLAYED -> {
				Ids.require(postingId, "event.postingId");
				Checks.nonNegative(Checks.present(durationMs, "event.durationMs"), "event.durationMs");
			}
		}
	}

	public static DeviceEvent applied(String id, Instant at, long manifestVersion) {
		return new DeviceEvent(id, EventType.APPLIED, at, manifestVersion, null, null);
	}

	public static DeviceEvent played(String id, Instant at, String postingId, long durationMs) {
		return new DeviceEvent(id, EventType.PLAYED, at, null, postingId, durationMs);
	}

}
