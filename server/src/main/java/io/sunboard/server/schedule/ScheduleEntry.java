package io.sunboard.server.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;

/**
 * A posting on a target's screens (see {@link TargetType}) when its rule says (see
 * {@link ScheduleRule}), each showing lasting {@code durationSeconds}; higher
 * {@code priority} plays first, then lower {@code order}.
 *
 * @param schoolId the posting's school
 * @param targetId device id, tag, school id or region id, by {@code targetType}
 */
public record ScheduleEntry(String id, String postingId, String schoolId, TargetType targetType, String targetId,
		Instant startsAt, Instant endsAt, LocalTime dailyStart, LocalTime dailyEnd, Set<DayOfWeek> weekdays,
		String rrule, Set<LocalDate> exceptDates, int durationSeconds, int priority, int order) {

	public ScheduleEntry {
		weekdays = (weekdays != null) ? Set.copyOf(weekdays) : Set.of();
		exceptDates = (exceptDates != null) ? Set.copyOf(exceptDates) : Set.of();
	}

	/** An entry on every screen of the school with no day filter (the simplest kind). */
	public static ScheduleEntry wholeSchool(String id, String postingId, String schoolId, Instant startsAt,
			Instant endsAt, int durationSeconds, int priority) {
		return new ScheduleEntry(id, postingId, schoolId, TargetType.SCHOOL, schoolId, startsAt, endsAt, null, null,
				Set.of(), null, Set.of(), durationSeconds, priority, 0);
	}

	public ScheduleRule rule() {
		return new ScheduleRule(this.startsAt, this.endsAt, this.dailyStart, this.dailyEnd, this.weekdays, this.rrule,
				this.exceptDates);
	}

	/** Whether this entry puts its posting on a screen with these tags. */
	public boolean targets(String deviceId, Set<String> deviceTags) {
		return switch (this.targetType) {
			case SCREEN -> this.targetId.equals(deviceId);
			case GROUP -> deviceTags.contains(this.targetId);
			case SCHOOL, REGION -> true;
		};
	}

}
