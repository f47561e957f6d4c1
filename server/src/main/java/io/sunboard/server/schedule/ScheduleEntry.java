package io.sunboard.server.schedule;

import java.time.Instant;

/** A posting on every screen of a school from {@code startsAt} until {@code endsAt}. */
public record ScheduleEntry(String id, String postingId, String schoolId, Instant startsAt, Instant endsAt,
		int durationSeconds, int priority) {

}
