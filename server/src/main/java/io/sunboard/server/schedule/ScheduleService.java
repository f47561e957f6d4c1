package io.sunboard.server.schedule;

import java.time.Clock;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.sunboard.server.audit.AuditLog;
import io.sunboard.server.posting.Posting;
import io.sunboard.server.posting.PostingChanged;
import io.sunboard.server.posting.PostingService;
import io.sunboard.server.posting.PostingStatus;

@Service
public class ScheduleService {

	static final int DEFAULT_DURATION_SECONDS = 15;

	private final ScheduleRepository entries;

	private final PostingService postings;

	private final ApplicationEventPublisher events;

	private final AuditLog audit;

	private final Clock clock;

	ScheduleService(ScheduleRepository entries, PostingService postings, ApplicationEventPublisher events,
			AuditLog audit, Clock clock) {
		this.audit = audit;
		this.entries = entries;
		this.postings = postings;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Puts a posting on all screens of its school for a window (the publicity period
	 * still bounds it).
	 */
	@Transactional
	public ScheduleEntry schedule(String postingId, NewScheduleEntry request) {
		Posting posting = this.postings.get(postingId);
		if (posting.status() != PostingStatus.APPROVED) {
			throw new IllegalArgumentException("posting '" + postingId + "' is " + posting.status().name().toLowerCase()
					+ "; only approved" + " postings can be scheduled");
		}
		if (!request.endsAt().isAfter(request.startsAt())) {
			throw new IllegalArgumentException("endsAt must be after startsAt");
		}
		ScheduleEntry entry = new ScheduleEntry(
				"s-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()), postingId,
				posting.schoolId(), request.startsAt(), request.endsAt(),
				Objects.requireNonNullElse(request.durationSeconds(), DEFAULT_DURATION_SECONDS),
				Objects.requireNonNullElse(request.priority(), 0));
		this.entries.create(entry, this.clock.instant());
		this.audit.record("posting.scheduled", posting.schoolId(), postingId,
				entry.startsAt() + " – " + entry.endsAt());
		this.events.publishEvent(new PostingChanged(postingId, posting.schoolId()));
		return entry;
	}

}
