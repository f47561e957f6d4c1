package io.sunboard.server.report;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * What a proof-of-play report covers: exactly one of a posting, a school, a region or a
 * screen, and a time range. The range is widened to whole UTC hours, the rollups' grain
 * (a showing counts in the hour it began).
 */
public record ReportQuery(Subject subject, String id, Instant from, Instant to) {

	/** The longest range one report may cover. */
	public static final Duration MAX_RANGE = Duration.ofDays(400);

	public ReportQuery {
		if (subject == null || id == null || id.isBlank()) {
			throw new IllegalArgumentException("give exactly one of postingId, schoolId, regionId or deviceId");
		}
		if (from == null || to == null) {
			throw new IllegalArgumentException(
					"give from and to (ISO date 2026-11-01 or instant 2026-11-01T00:00:00Z)");
		}
		from = from.truncatedTo(ChronoUnit.HOURS);
		Instant toHour = to.truncatedTo(ChronoUnit.HOURS);
		to = toHour.equals(to) ? to : toHour.plus(1, ChronoUnit.HOURS);
		if (!to.isAfter(from)) {
			throw new IllegalArgumentException("'to' must be after 'from'");
		}
		if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
			throw new IllegalArgumentException("a report covers at most 400 days; choose a shorter range");
		}
	}

	/** Builds the query from request parameters, of which exactly one subject is set. */
	public static ReportQuery of(String postingId, String schoolId, String regionId, String deviceId, Instant from,
			Instant to) {
		Subject subject = null;
		String id = null;
		int given = 0;
		for (Subject s : Subject.values()) {
			String value = switch (s) {
				case POSTING -> postingId;
				case SCHOOL -> schoolId;
				case REGION -> regionId;
				case DEVICE -> deviceId;
			};
			if (value != null && !value.isBlank()) {
				given++;
				subject = s;
				id = value.strip();
			}
		}
		if (given != 1) {
			throw new IllegalArgumentException("give exactly one of postingId, schoolId, regionId or deviceId");
		}
		return new ReportQuery(subject, id, from, to);
	}

	/** What the report is about. */
	public enum Subject {

		POSTING, SCHOOL, REGION, DEVICE

	}

}
