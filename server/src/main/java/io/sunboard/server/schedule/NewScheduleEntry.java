package io.sunboard.server.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Request to schedule a posting. Only the instants are required: without a target it goes
 * on every screen of the posting's school, without a daypart all day, without weekdays or
 * rrule every day.
 */
public record NewScheduleEntry(
		@NotNull(message = "startsAt is required (ISO-8601 instant, e.g. 2026-11-23T00:00:00Z)") Instant startsAt,
		@NotNull(message = "endsAt is required (ISO-8601 instant)") Instant endsAt,
		@Min(value = 1, message = "durationSeconds must be 1-3600") @Max(value = 3600,
				message = "durationSeconds must be 1-3600") Integer durationSeconds,
		@Min(value = 0, message = "priority must be 0-9") @Max(value = 9,
				message = "priority must be 0-9") Integer priority,
		@Min(value = 0, message = "order must be 0-9999") @Max(value = 9999,
				message = "order must be 0-9999") Integer order,
		TargetType targetType, String targetId, LocalTime dailyStart, LocalTime dailyEnd,
		@Size(max = 7, message = "weekdays lists each day at most once") List<DayOfWeek> weekdays,
		@Size(max = 500, message = "rrule must be at most 500 characters") String rrule,
		@Size(max = 200, message = "exceptDates may list at most 200 dates") List<LocalDate> exceptDates) {

	/** The walking skeleton's request: a window on every screen of the school. */
	public NewScheduleEntry(Instant startsAt, Instant endsAt, Integer durationSeconds, Integer priority) {
		this(startsAt, endsAt, durationSeconds, priority, null, null, null, null, null, null, null, null);
	}

}
