package io.sunboard.server.device;

import java.time.Instant;

/** What a screen last told the server about itself. */
public record DeviceState(String deviceId, boolean online, long sessionEpoch, Instant statusAt, Instant heartbeatAt,
		long appliedManifestVersion, String nowPlaying, int journalDepth, long diskFreeBytes, String clientVersion) {

}
