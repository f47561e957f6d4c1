package io.sunboard.server.report;

import java.time.Instant;
import java.util.List;

/**
 * Proof of play over a range, from the rollups: one row per posting and screen that
 * showed it, the totals, and the gaps (screens whose manifests scheduled a posting in the
 * range that showed it not once).
 */
public record ProofOfPlayReport(ReportQuery.Subject subject, String id, Instant from, Instant to, Totals totals,
		List<Row> rows, List<Gap> gaps) {

	public ProofOfPlayReport {
		rows = List.copyOf(rows);
		gaps = List.copyOf(gaps);
	}

	/** Over every row: screens that showed anything, postings shown, showings, time. */
	public record Totals(int screens, int postings, long plays, long durationMs, Instant firstShown,
			Instant lastShown) {

	}

	/** One posting on one screen. */
	public record Row(String postingId, String title, String deviceId, String deviceName, String schoolId, long plays,
			long durationMs, Instant firstShown, Instant lastShown) {

	}

	/**
	 * A screen that should have shown a posting in the range and did not.
	 *
	 * @param scheduledFrom the start of its first scheduled window in the range
	 * @param scheduledUntil the end of its last
	 */
	public record Gap(String postingId, String title, String deviceId, String deviceName, String schoolId,
			GapReason reason, Instant scheduledFrom, Instant scheduledUntil) {

	}

	/** Why a screen did not show what it was scheduled to. */
	public enum GapReason {

		/** Not heard from (no heartbeat, not online) during any of its windows. */
		OFFLINE,
		/** Online, but never applied the manifest version that carried the posting. */
		STALE,
		/** Online with the manifest applied, yet no showing reported (yet). */
		UNKNOWN

	}

}
