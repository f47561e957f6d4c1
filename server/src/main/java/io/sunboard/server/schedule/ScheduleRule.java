package io.sunboard.server.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;

/**
 * When an entry may show, read in the school's own time zone: between {@code startsAt}
 * and {@code endsAt}, on the days that match every day filter given (weekdays, an RFC
 * 5545 RRULE whose DTSTART is the local date of {@code startsAt}, minus exception dates),
 * during the local daypart {@code [dailyStart, dailyEnd)} or the whole day when there is
 * none. A daypart whose end is not after its start runs past midnight into the next day
 * and belongs to the day it starts on.
 *
 * @param weekdays empty for every day
 * @param rrule null for none
 */
public record ScheduleRule(Instant startsAt, Instant endsAt, LocalTime dailyStart, LocalTime dailyEnd,
		Set<DayOfWeek> weekdays, String rrule, Set<LocalDate> exceptDates) {

	public ScheduleRule {
		weekdays = (weekdays != null) ? Set.copyOf(weekdays) : Set.of();
		exceptDates = (exceptDates != null) ? Set.copyOf(exceptDates) : Set.of();
	}

	/** A plain window with no day filter and no daypart. */
	public static ScheduleRule between(Instant startsAt, Instant endsAt) {
		return new ScheduleRule(startsAt, endsAt, null, null, Set.of(), null, Set.of());
	}

	public boolean hasDaypart() {
		return this.dailyStart != null;
	}

	/** Whether the daypart runs past local midnight. */
	public boolean crossesMidnight() {
		return hasDaypart() && !this.dailyEnd.isAfter(this.dailyStart);
	}

}
