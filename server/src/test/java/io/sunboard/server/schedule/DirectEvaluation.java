package io.sunboard.server.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recur.RecurrenceRuleIterator;

/**
 * The test oracle: whether a rule covers an instant, read straight from the rule in the
 * school's local time, with none of the expander's window arithmetic. The RRULE is walked
 * from its DTSTART one occurrence at a time (no fast-forward).
 */
final class DirectEvaluation {

	private DirectEvaluation() {
	}

	static boolean covers(ScheduleRule rule, ZoneId zone, Instant publicityStart, Instant publicityEnd, Instant t) {
		if (t.isBefore(rule.startsAt()) || !t.isBefore(rule.endsAt()) || t.isBefore(publicityStart)
				|| !t.isBefore(publicityEnd)) {
			return false;
		}
		LocalDateTime local = LocalDateTime.ofInstant(t, zone);
		LocalDate day = local.toLocalDate();
		LocalTime time = local.toLocalTime();
		if (!rule.hasDaypart()) {
			return dayMatches(rule, zone, day);
		}
		if (!rule.crossesMidnight()) {
			return !time.isBefore(rule.dailyStart()) && time.isBefore(rule.dailyEnd()) && dayMatches(rule, zone, day);
		}
		// 22:00-06:00: the evening belongs to today, the small hours to yesterday
		return (!time.isBefore(rule.dailyStart()) && dayMatches(rule, zone, day))
				|| (time.isBefore(rule.dailyEnd()) && dayMatches(rule, zone, day.minusDays(1)));
	}

	private static boolean dayMatches(ScheduleRule rule, ZoneId zone, LocalDate day) {
		if (!rule.weekdays().isEmpty() && !rule.weekdays().contains(day.getDayOfWeek())) {
			return false;
		}
		if (rule.exceptDates().contains(day)) {
			return false;
		}
		return rule.rrule() == null
				|| occurs(rule.rrule(), LocalDateTime.ofInstant(rule.startsAt(), zone).toLocalDate(), day);
	}

	private static boolean occurs(String rrule, LocalDate dtstart, LocalDate day) {
		RecurrenceRule parsed = RecurrenceDays.parse(rrule);
		RecurrenceRuleIterator it = parsed
			.iterator(new DateTime(dtstart.getYear(), dtstart.getMonthValue() - 1, dtstart.getDayOfMonth()));
		while (it.hasNext()) {
			DateTime next = it.nextDateTime();
			LocalDate occurrence = LocalDate.of(next.getYear(), next.getMonth() + 1, next.getDayOfMonth());
			if (!occurrence.isBefore(day)) {
				return occurrence.equals(day);
			}
		}
		return false;
	}

}
