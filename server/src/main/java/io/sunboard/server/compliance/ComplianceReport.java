package io.sunboard.server.compliance;

import java.time.LocalDate;
import java.util.List;

/**
 * Compliance of some schools in a year, judged on {@code today}.
 */
public record ComplianceReport(int year, LocalDate today, List<SchoolCompliance> schools) {

	/** One school: its catalogue's periods and what is flagged. */
	public record SchoolCompliance(String schoolId, String schoolName, String catalogue, List<Entry> entries,
			List<Flag> flags, int onTime, int late, int missing) {

	}

	/**
	 * One required disclosure in one period.
	 *
	 * @param status {@code ON_TIME}, {@code LATE}, {@code MISSING} or {@code PENDING}
	 * (not due yet, nothing published)
	 * @param postingId the posting that met it, if any
	 */
	public record Entry(String kind, String period, LocalDate from, LocalDate due, String status, String postingId,
			LocalDate publishedOn) {

	}

	/**
	 * Something the district should look at.
	 *
	 * @param type {@code LATE_PROACTIVE_DISCLOSURE}, {@code NO_LIVE_FEE_NOTICE} or
	 * {@code SCREEN_NOT_APPLIED}
	 * @param subject the posting or screen concerned (the school for fee notices)
	 */
	public record Flag(String type, String subject, String detail) {

	}

}
