package io.sunboard.server.device;

import java.time.Instant;

/**
 * What a screen last told the server about itself; the health figures are null until its
 * first heartbeat. {@code clockOffsetMs} is the server's clock minus the screen's.
 */
public record DeviceState(String deviceId, boolean online, long sessionEpoch, Instant statusAt, Instant heartbeatAt,
		long appliedManifestVersion, String nowPlaying, int journalDepth, long diskFreeBytes, String clientVersion,
		Long uptimeSeconds, Long cacheBytes, Long heapUsedBytes, Long clockOffsetMs) {

}
