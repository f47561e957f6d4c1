package io.sunboard.server.schedule;

import java.time.Instant;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** Request to schedule a posting; duration and priority have defaults. */
public record NewScheduleEntry(
		@NotNull(message = "startsAt is required (ISO-8601 instant, e.g. 2026-11-23T00:00:00Z)") Instant startsAt,
		@NotNull(message = "endsAt is required (ISO-8601 instant)") Instant endsAt,
		@Min(value = 1, message = "durationSeconds must be 1-3600") @Max(value = 3600,
				message = "durationSeconds must be 1-3600") Integer durationSeconds,
		@Min(value = 0, message = "priority must be 0-9") @Max(value = 9,
				message = "priority must be 0-9") Integer priority) {

}
