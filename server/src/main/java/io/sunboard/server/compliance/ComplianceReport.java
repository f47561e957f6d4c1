package io.sunboard.server.compliance;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

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
	 * @param detail the explanation in English, for API clients and logs
	 * @param reason which explanation: the console shows message
	 * {@code compliance.flagDetail.<reason>} with {@code args}, in the reader's language
	 */
	public record Flag(String type, String subject, String detail, String reason, List<String> args) {

		/**
		 * Every reason has a message in each console language
		 * (ComplianceFlagMessagesTests).
		 */
		public static final Set<String> REASONS = Set.of("lateProactive", "noFeeNoticeInPeriod",
				"feeNoticeNotScheduled", "screenNotApplied", "screenNotAppliedOffline");

		public Flag {
			if (!REASONS.contains(reason)) {
				throw new IllegalArgumentException("unknown flag reason '" + reason + "'; add it to REASONS and to"
						+ " the compliance.flagDetail messages");
			}
			args = List.copyOf(args);
		}

	}

}
