package io.sunboard.server.feedback;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.sunboard.server.audit.AuditLog;
import io.sunboard.server.posting.PostingRepository;
import io.sunboard.server.school.School;
import io.sunboard.server.school.SchoolRepository;
import io.sunboard.server.system.Actor;
import io.sunboard.server.system.ConflictException;
import io.sunboard.server.system.NotFoundException;
import io.sunboard.templates.Masking;

/**
 * The inbox: records feedback with its due date, assigns it, records the reply. Every
 * change is in the audit log (without the visitor's contact).
 */
@Service
public class FeedbackService {

	private final FeedbackRepository items;

	private final SchoolRepository schools;

	private final PostingRepository postings;

	private final FeedbackDeadlines deadlines;

	private final AuditLog audit;

	private final Actor actor;

	private final Clock clock;

	FeedbackService(FeedbackRepository items, SchoolRepository schools, PostingRepository postings,
			FeedbackDeadlines deadlines, AuditLog audit, Actor actor, Clock clock) {
		this.items = items;
		this.schools = schools;
		this.postings = postings;
		this.deadlines = deadlines;
		this.audit = audit;
		this.actor = actor;
		this.clock = clock;
	}

	@Transactional
	public FeedbackView create(NewFeedback request) {
		if (request.channel() == FeedbackChannel.KIOSK) {
			throw new IllegalArgumentException("channel KIOSK is for feedback left on a kiosk; use PHONE or IN_PERSON");
		}
		School school = school(request.schoolId());
		Instant now = this.clock.instant();
		Instant received = (request.receivedAt() != null) ? request.receivedAt() : now;
		if (received.isAfter(now)) {
			throw new IllegalArgumentException(
					"receivedAt " + received + " is in the future; give when it was received");
		}
		String contact = (request.contact() == null || request.contact().isBlank()) ? null : request.contact().trim();
		if (request.postingId() != null && !request.postingId().isBlank()
				&& this.postings.find(request.postingId()).filter((p) -> p.schoolId().equals(school.id())).isEmpty()) {
			throw new IllegalArgumentException("postingId '" + request.postingId() + "' is not a posting of school '"
					+ school.id() + "'; leave it out or give one of the school's postings");
		}
		FeedbackItem item = new FeedbackItem(newId(), school.id(), request.kind(), request.channel(), null,
				(request.postingId() == null || request.postingId().isBlank()) ? null : request.postingId(),
				request.text().trim(), contact, received, dueOn(request.kind(), received, school), null, null, null,
				null, false);
		this.items.create(item, null, now, this.actor.name());
		this.audit.record("feedback.created", school.id(), item.id(),
				item.kind() + " by " + item.channel() + ", due " + item.dueOn());
		return view(item, this.actor.name());
	}

	/**
	 * Copies kiosk feedback that ingest stored into the inbox; safe to call again and
	 * from several instances (keyed by the device's event). Its own transaction, since it
	 * runs after ingest's has committed.
	 * @return how many items were added
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public int importKioskFeedback() {
		int added = 0;
		for (FeedbackRepository.KioskFeedback k : this.items.kioskFeedbackNotImported()) {
			FeedbackKind kind;
			try {
				kind = FeedbackKind.fromCategory(k.category());
			}
			catch (IllegalArgumentException ex) {
				kind = FeedbackKind.CONSULTATION; // ingest validates categories; this is
													// only a guard
			}
			School school = school(k.schoolId());
			FeedbackItem item = new FeedbackItem(newId(), school.id(), kind, FeedbackChannel.KIOSK, k.deviceId(),
					k.postingId(), k.text(), k.contact(), k.receivedAt(), dueOn(kind, k.receivedAt(), school), null,
					null, null, null, false);
			try {
				this.items.create(item, k.eventId(), this.clock.instant(), Actor.SYSTEM);
				this.audit.record("feedback.received", school.id(), item.id(),
						kind + " from kiosk " + k.deviceId() + ", due " + item.dueOn());
				added++;
			}
			catch (DuplicateKeyException ex) {
				// another instance imported it first: it is in the inbox once
			}
		}
		return added;
	}

	@Transactional
	public FeedbackView assign(String id, String assignee) {
		FeedbackItem item = get(id);
		FeedbackRepository.AccountScope account = this.items.account(assignee)
			.orElseThrow(() -> new IllegalArgumentException(
					"no enabled account '" + assignee + "'; assign to a staff account of the school"));
		School school = school(item.schoolId());
		boolean covers = switch (account.scopeType()) {
			case "ALL" -> true;
			case "REGION" -> school.regionId().equals(account.scopeId());
			default -> school.id().equals(account.scopeId());
		};
		if (!covers || "AUDITOR".equals(account.role())) {
			throw new IllegalArgumentException("account '" + assignee + "' cannot answer feedback of school '"
					+ school.id() + "'; choose an editor, reviewer or administrator whose scope covers it");
		}
		this.items.assign(id, assignee);
		this.audit.record("feedback.assigned", item.schoolId(), id, "to " + assignee);
		return view(get(id), this.actor.name());
	}

	@Transactional
	public FeedbackView reply(String id, String reply, boolean publish) {
		FeedbackItem item = get(id);
		if (reply == null || reply.isBlank()) {
			throw new IllegalArgumentException("reply is required: the answer given to the person");
		}
		if (reply.length() > 2000) {
			throw new IllegalArgumentException("reply must be at most 2000 characters");
		}
		if (item.answered() && item.reply() != null && item.reply().equals(reply.trim())
				&& item.publishReply() == publish) {
			throw new ConflictException("feedback '" + id + "' already has this reply");
		}
		this.items.reply(id, reply.trim(), publish, this.clock.instant(), this.actor.name());
		this.audit.record(item.answered() ? "feedback.reply-changed" : "feedback.replied", item.schoolId(), id,
				(publish ? "published on kiosks; " : "") + "due " + item.dueOn());
		return view(get(id), this.actor.name());
	}

	public FeedbackItem get(String id) {
		return this.items.find(id).orElseThrow(() -> new NotFoundException("no feedback '" + id + "'"));
	}

	/** Items of these schools received in [from, to), as {@code viewer} may see them. */
	public List<FeedbackView> list(Collection<String> schoolIds, Instant from, Instant to, String viewer) {
		return views(this.items.find(schoolIds, from, to), viewer);
	}

	/**
	 * One page of these schools' items, newest first, as {@code viewer} may see them.
	 * @param page 1 for the first
	 */
	public List<FeedbackView> list(Collection<String> schoolIds, int page, int size, String viewer) {
		return views(this.items.page(schoolIds, null, (Math.max(1, page) - 1) * size, size), viewer);
	}

	/**
	 * One page of the inbox of these schools, newest first, with the counts over all of
	 * them. The unanswered items are judged here (overdue and due soon depend on each
	 * school's calendar day); the answered ones are paged by the database.
	 * @param page 1 for the first; a page past the last shows the last
	 */
	public FeedbackInbox inbox(Collection<String> schoolIds, FeedbackInbox.State state, int page, int size,
			String viewer) {
		Map<String, School> bySchool = schoolsById();
		List<FeedbackView> unanswered = views(this.items.unanswered(schoolIds), viewer, bySchool);
		long[] allAndAnswered = this.items.countAllAndAnswered(schoolIds);
		FeedbackInbox.Counts counts = new FeedbackInbox.Counts(allAndAnswered[0], unanswered.size(),
				unanswered.stream().filter(FeedbackView::overdue).count(),
				unanswered.stream().filter(FeedbackView::dueSoon).count(), allAndAnswered[1]);
		long matching = switch (state) {
			case ALL -> counts.all();
			case UNANSWERED -> counts.unanswered();
			case OVERDUE -> counts.overdue();
			case DUE_SOON -> counts.dueSoon();
			case ANSWERED -> counts.answered();
		};
		int pages = (int) Math.max(1, (matching + size - 1) / size);
		int shown = Math.min(Math.max(1, page), pages);
		int offset = (shown - 1) * size;
		List<FeedbackView> items = switch (state) {
			case ALL -> views(this.items.page(schoolIds, null, offset, size), viewer, bySchool);
			case ANSWERED -> views(this.items.page(schoolIds, true, offset, size), viewer, bySchool);
			case UNANSWERED -> slice(unanswered, offset, size);
			case OVERDUE -> slice(unanswered.stream().filter(FeedbackView::overdue).toList(), offset, size);
			case DUE_SOON -> slice(unanswered.stream().filter(FeedbackView::dueSoon).toList(), offset, size);
		};
		return new FeedbackInbox(items, counts, state, shown, pages, size, matching);
	}

	/** Feedback received during {@code year} (each school's own time zone). */
	public FeedbackTotals yearTotals(List<School> schools, int year) {
		// one query for all the schools whose year has the same bounds (one per time
		// zone)
		Map<ZoneId, List<String>> byZone = new LinkedHashMap<>();
		schools.forEach((s) -> byZone.computeIfAbsent(s.timeZone(), (z) -> new ArrayList<>()).add(s.id()));
		long received = 0;
		long answered = 0;
		long onTime = 0;
		for (Map.Entry<ZoneId, List<String>> entry : byZone.entrySet()) {
			ZoneId zone = entry.getKey();
			for (FeedbackRepository.ReplyCount count : this.items.replyCounts(entry.getValue(),
					LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant(),
					LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toInstant())) {
				received += count.items();
				if (count.repliedAt() != null) {
					answered += count.items();
					if (this.deadlines.answeredOnTime(count.dueOn(), LocalDate.ofInstant(count.repliedAt(), zone))) {
						onTime += count.items();
					}
				}
			}
		}
		return new FeedbackTotals(received, answered, onTime);
	}

	List<FeedbackItem> publishedReplies(String schoolId) {
		return this.items.publishedReplies(schoolId, 50);
	}

	/** The view of an item for {@code viewer}: unmasked only for its assignee. */
	public FeedbackView view(FeedbackItem item, String viewer) {
		return view(item, viewer, school(item.schoolId()));
	}

	private List<FeedbackView> views(List<FeedbackItem> list, String viewer) {
		return list.isEmpty() ? List.of() : views(list, viewer, schoolsById());
	}

	/** Views with the schools read once, not once an item. */
	private List<FeedbackView> views(List<FeedbackItem> list, String viewer, Map<String, School> bySchool) {
		return list.stream().map((i) -> view(i, viewer, bySchool.computeIfAbsent(i.schoolId(), this::school))).toList();
	}

	private Map<String, School> schoolsById() {
		Map<String, School> bySchool = new HashMap<>();
		this.schools.findAll().forEach((s) -> bySchool.put(s.id(), s));
		return bySchool;
	}

	private static List<FeedbackView> slice(List<FeedbackView> list, int offset, int size) {
		return list.subList(Math.min(offset, list.size()), Math.min(offset + size, list.size()));
	}

	private FeedbackView view(FeedbackItem item, String viewer, School school) {
		ZoneId zone = school.timeZone();
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), zone);
		boolean unmasked = viewer != null && viewer.equals(item.assignee());
		LocalDate repliedOn = (item.repliedAt() != null) ? LocalDate.ofInstant(item.repliedAt(), zone) : null;
		String status = item.answered() ? "answered" : (item.assignee() != null) ? "assigned" : "open";
		return new FeedbackView(item.id(), item.schoolId(), item.kind(), item.channel(), item.deviceId(),
				item.postingId(), unmasked ? item.text() : Masking.text(item.text()),
				unmasked ? item.contact() : Masking.phone(item.contact()), !unmasked, item.receivedAt(), item.dueOn(),
				item.assignee(), item.reply(), item.repliedAt(), item.repliedBy(), item.publishReply(), status,
				this.deadlines.overdue(item.dueOn(), item.answered(), today),
				this.deadlines.dueSoon(item.dueOn(), item.answered(), today),
				this.deadlines.answeredOnTime(item.dueOn(), repliedOn));
	}

	private LocalDate dueOn(FeedbackKind kind, Instant received, School school) {
		return this.deadlines.dueOn(kind, LocalDate.ofInstant(received, school.timeZone()));
	}

	private School school(String id) {
		return this.schools.find(id).orElseThrow(() -> new NotFoundException("no school '" + id + "'"));
	}

	private static String newId() {
		return "fb-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
	}

}
