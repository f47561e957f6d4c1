package io.sunboard.server.dashboard;

import java.time.Instant;

/**
 * One screen's line on the dashboard. A record, so two computations of it compare equal
 * when nothing visible changed, which is how deltas are found.
 *
 * @param appliedVersion the manifest version the screen last reported applied
 * @param latestVersion the latest version published to it, 0 when none
 * @param nowPlaying posting id, null when nothing shows
 * @param nowPlayingTitle its title, null when unknown
 * @param diskFreeBytes 0 until the first heartbeat
 */
public record ScreenRow(String id, String name, String schoolId, String schoolName, ScreenHealth health,
		Instant heartbeatAt, long appliedVersion, long latestVersion, String nowPlaying, String nowPlayingTitle,
		long diskFreeBytes) {

}
