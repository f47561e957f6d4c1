package io.sunboard.server.dashboard;

import java.time.Duration;
import java.time.Instant;

/**
 * How a screen is doing, as the dashboard shows and filters it. A screen that is online
 * but has not applied its latest manifest within {@link DashboardSettings#staleAfter()}
 * of its publish is stale, not fine: it is up, but shows what it should no longer show.
 */
public enum ScreenHealth {

	FINE, STALE, OFFLINE;

	/**
	 * The one definition; {@link DashboardQuery} filters with the same rule in SQL and
	 * DashboardQueryTests holds the two together.
	 * @param latestVersion version of the latest manifest published to the screen, 0 when
	 * none
	 * @param latestPublishedAt when it was published, null when none
	 */
	public static ScreenHealth classify(boolean online, long appliedVersion, long latestVersion,
			Instant latestPublishedAt, Instant now, Duration staleAfter) {
		if (!online) {
			return OFFLINE;
		}
		boolean behind = latestPublishedAt != null && appliedVersion < latestVersion;
		if (behind && !latestPublishedAt.plus(staleAfter).isAfter(now)) {
			return STALE;
		}
		return FINE;
	}

}
