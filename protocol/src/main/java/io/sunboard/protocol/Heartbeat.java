package io.sunboard.protocol;

import java.time.Instant;

/**
 * Sent every few seconds at QoS 0: what the screen applied, what it shows and how healthy
 * it is. {@code clockOffsetMs} is the server's clock minus the device's, null until the
 * device has measured it.
 */
public record Heartbeat(String deviceId, Instant at, long uptimeSeconds, long appliedManifestVersion, String nowPlaying,
		int journalDepth, long cacheBytes, long heapUsedBytes, long diskFreeBytes, String clientVersion,
		Long clockOffsetMs) {

	public Heartbeat {
		Ids.require(deviceId, "deviceId");
		Checks.present(at, "at");
		Checks.nonNegative(uptimeSeconds, "uptimeSeconds");
		Checks.nonNegative(appliedManifestVersion, "appliedManifestVersion");
		if (nowPlaying != null) {
			Ids.require(nowPlaying, "nowPlaying");
		}
		Checks.nonNegative(journalDepth, "journalDepth");
		Checks.optionalText(clientVersion, "clientVersion", 64);
	}

}
