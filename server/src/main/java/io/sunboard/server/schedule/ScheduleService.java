package io.sunboard.server.schedule;

import java.time.Clock;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.sunboard.protocol.Ids;
import io.sunboard.server.audit.AuditLog;
import io.sunboard.server.device.Device;
import io.sunboard.server.device.DeviceRepository;
import io.sunboard.server.posting.Posting;
import io.sunboard.server.posting.PostingService;
import io.sunboard.server.posting.PostingStatus;
import io.sunboard.server.school.School;
import io.sunboard.server.school.SchoolRepository;
import io.sunboard.server.system.NotFoundException;

@Service
public class ScheduleService {

	static final int DEFAULT_DURATION_SECONDS = 15;

	private final ScheduleRepository entries;

	private final PostingService postings;

	private final SchoolRepository schools;

	private final DeviceRepository devices;

	private final ApplicationEventPublisher events;

	private final AuditLog audit;

	private final Clock clock;

	ScheduleService(ScheduleRepository entries, PostingService postings, SchoolRepository schools,
			DeviceRepository devices, ApplicationEventPublisher events, AuditLog audit, Clock clock) {
		this.audit = audit;
		this.entries = entries;
		this.postings = postings;
		this.schools = schools;
		this.devices = devices;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Puts an approved posting on its target's screens (the publicity period still bounds
	 * it).
	 */
	@Transactional
	public ScheduleEntry schedule(String postingId, NewScheduleEntry request) {
		return create("s-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()), postingId, request);
	}

	/** Replaces an entry; screens whose manifests do not change are not republished. */
	@Transactional
	public ScheduleEntry replace(String postingId, String entryId, NewScheduleEntry request) {
		ScheduleEntry old = remove(postingId, entryId);
		ScheduleEntry entry = create(entryId, postingId, request);
		if (old.targetType() == TargetType.REGION && entry.targetType() != TargetType.REGION) {
			this.events.publishEvent(new ScheduleChanged(postingId, old.schoolId(), old.targetId()));
		}
		return entry;
	}

	@Transactional
	public void delete(String postingId, String entryId) {
		ScheduleEntry old = remove(postingId, entryId);
		this.audit.record("posting.unscheduled", old.schoolId(), postingId, entryId);
		this.events.publishEvent(new ScheduleChanged(postingId, old.schoolId(),
				(old.targetType() == TargetType.REGION) ? old.targetId() : null));
	}

	private ScheduleEntry remove(String postingId, String entryId) {
		ScheduleEntry old = this.entries.find(postingId, entryId)
			.orElseThrow(() -> new NotFoundException(
					"no schedule entry '" + entryId + "' for posting '" + postingId + "'; list them with GET"));
		this.entries.delete(postingId, entryId);
		return old;
	}

	private ScheduleEntry create(String id, String postingId, NewScheduleEntry request) {
		Posting posting = this.postings.get(postingId);
		if (posting.status() != PostingStatus.APPROVED) {
			throw new IllegalArgumentException("posting '" + postingId + "' is " + posting.status().name().toLowerCase()
					+ "; only approved" + " postings can be scheduled");
		}
		School school = this.schools.find(posting.schoolId()).orElseThrow();
		TargetType type = Objects.requireNonNullElse(request.targetType(), TargetType.SCHOOL);
		String targetId = checkTarget(type, request.targetId(), school);
		ScheduleEntry entry = new ScheduleEntry(id, postingId, posting.schoolId(), type, targetId, request.startsAt(),
				request.endsAt(), request.dailyStart(), request.dailyEnd(),
				(request.weekdays() != null) ? Set.copyOf(request.weekdays()) : Set.of(), blankToNull(request.rrule()),
				(request.exceptDates() != null) ? Set.copyOf(request.exceptDates()) : Set.of(),
				Objects.requireNonNullElse(request.durationSeconds(), DEFAULT_DURATION_SECONDS),
				Objects.requireNonNullElse(request.priority(), 0), Objects.requireNonNullElse(request.order(), 0));
		checkRule(entry.rule());
		String regionId = (type == TargetType.REGION) ? targetId : null;
		this.entries.create(entry, regionId, this.clock.instant());
		this.audit.record("posting.scheduled", posting.schoolId(), postingId,
				type + " " + targetId + ", " + entry.startsAt() + " – " + entry.endsAt());
		this.events.publishEvent(new ScheduleChanged(postingId, posting.schoolId(), regionId));
		return entry;
	}

	private String checkTarget(TargetType type, String targetId, School school) {
		return switch (type) {
			case SCHOOL -> requireOwn(targetId, school.id(), "school");
			case REGION -> requireOwn(targetId, school.regionId(), "region");
			case GROUP -> {
				if (targetId == null || !Ids.isValid(targetId)) {
					throw new IllegalArgumentException(
							"a GROUP target needs targetId: a device tag such as lobby (letters, digits, - _ .)");
				}
				yield targetId;
			}
			case SCREEN -> {
				Device device = (targetId != null) ? this.devices.find(targetId).orElse(null) : null;
				if (device == null || !device.schoolId().equals(school.id())) {
					throw new IllegalArgumentException(
							"a SCREEN target needs targetId: the id of a screen of school '" + school.id() + "'");
				}
				yield targetId;
			}
		};
	}

	private static String requireOwn(String targetId, String own, String what) {
		if (targetId != null && !targetId.equals(own)) {
			throw new IllegalArgumentException("a posting of this school can only target its own " + what + " '" + own
					+ "'; leave targetId out or set it to '" + own + "'");
		}
		return own;
	}

	static void checkRule(ScheduleRule rule) {
		if (!rule.endsAt().isAfter(rule.startsAt())) {
			throw new IllegalArgumentException("endsAt must be after startsAt");
		}
		if ((rule.dailyStart() == null) != (rule.dailyEnd() == null)) {
			throw new IllegalArgumentException("give both dailyStart and dailyEnd (e.g. 07:00 and 18:00), or neither");
		}
		if (rule.hasDaypart() && rule.dailyStart().equals(rule.dailyEnd())) {
			throw new IllegalArgumentException("dailyEnd must differ from dailyStart; leave both out to show all day");
		}
		if (rule.rrule() != null) {
			RecurrenceDays.parse(rule.rrule());
		}
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.trim();
	}

}
