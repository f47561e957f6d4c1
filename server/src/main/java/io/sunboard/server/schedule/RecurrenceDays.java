package io.sunboard.server.schedule;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.recur.Freq;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recur.RecurrenceRuleIterator;

/**
 * The days an RFC 5545 RRULE selects, by lib-recur. Rules recur by whole days here (an
 * all-day DTSTART); the time of day comes from the daypart.
 */
public final class RecurrenceDays {

	/** Stops a rule that never reaches the range (e.g. a far-future BYYEARDAY) early. */
	private static final int MAX_STEPS = 100_000;

	private RecurrenceDays() {
	}

	/**
	 * Parses and checks a rule; the message of the exception says what to fix.
	 * @throws IllegalArgumentException when the rule is invalid or recurs more often than
	 * daily
	 */
	public static RecurrenceRule parse(String rrule) {
		String text = rrule.startsWith("RRULE:") ? rrule.substring(6) : rrule;
		RecurrenceRule rule;
		try {
			rule = new RecurrenceRule(text, RecurrenceRule.RfcMode.RFC5545_STRICT);
		}
		catch (InvalidRecurrenceRuleException | RuntimeException ex) {
			throw new IllegalArgumentException(
					"rrule is not a valid RFC 5545 rule (e.g. FREQ=WEEKLY;BYDAY=MO,WE): " + ex.getMessage());
		}
		Freq freq = rule.getFreq();
		if (freq == Freq.HOURLY || freq == Freq.MINUTELY || freq == Freq.SECONDLY) {
			throw new IllegalArgumentException("rrule must recur by days (FREQ=DAILY, WEEKLY, MONTHLY or YEARLY);"
					+ " set the time of day with dailyStart and dailyEnd");
		}
		if (rule.getUntil() != null && !rule.getUntil().isAllDay()) {
			throw new IllegalArgumentException("rrule UNTIL must be a date such as 20261231 (rules recur by days)");
		}
		return rule;
	}

	/** The days in {@code [first, last]} that the rule selects. */
	public static Set<LocalDate> between(String rrule, LocalDate dtstart, LocalDate first, LocalDate last) {
		RecurrenceRuleIterator it = parse(rrule).iterator(toDateTime(dtstart));
		if (first.isAfter(dtstart)) {
			it.fastForward(toDateTime(first));
		}
		Set<LocalDate> days = new HashSet<>();
		for (int steps = 0; it.hasNext() && steps < MAX_STEPS; steps++) {
			DateTime next = it.nextDateTime();
			LocalDate day = LocalDate.of(next.getYear(), next.getMonth() + 1, next.getDayOfMonth());
			if (day.isAfter(last)) {
				break;
			}
			if (!day.isBefore(first)) {
				days.add(day);
			}
		}
		return days;
	}

	private static DateTime toDateTime(LocalDate date) {
		return new DateTime(date.getYear(), date.getMonthValue() - 1, date.getDayOfMonth());
	}

}
