package io.sunboard.server.posting;

import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.sunboard.protocol.Attachment;
import io.sunboard.protocol.JsonCodec;
import io.sunboard.protocol.MalformedMessageException;
import io.sunboard.protocol.PostingContent;
import io.sunboard.server.audit.AuditLog;
import io.sunboard.server.school.School;
import io.sunboard.server.school.SchoolRepository;
import io.sunboard.server.system.Actor;
import io.sunboard.server.system.ConflictException;
import io.sunboard.server.system.NotFoundException;
import io.sunboard.templates.ContentValidator;
import io.sunboard.templates.Violation;

/**
 * Creates and edits postings, keeps their content documents, and moves them between
 * review states. Every change is in the audit log.
 */
@Service
public class PostingService {

	static final String GENERAL_NOTICE = "general";

	public static final String CONTENT_MEDIA_TYPE = "application/vnd.sunboard.posting+json";

	private final PostingRepository postings;

	private final SchoolRepository schools;

	private final ContentStore contents;

	private final JsonCodec codec;

	private final ApplicationEventPublisher events;

	private final AuditLog audit;

	private final Actor actor;

	private final ContentValidator validator;

	private final Clock clock;

	PostingService(PostingRepository postings, SchoolRepository schools, ContentStore contents, JsonCodec codec,
			ApplicationEventPublisher events, AuditLog audit, Actor actor, ContentValidator validator, Clock clock) {
		this.validator = validator;
		this.postings = postings;
		this.schools = schools;
		this.contents = contents;
		this.codec = codec;
		this.events = events;
		this.audit = audit;
		this.actor = actor;
		this.clock = clock;
	}

	/** A new draft, written by whoever is signed in. */
	@Transactional
	public Posting create(NewPosting request) {
		School school = school(request.schoolId());
		String id = "p-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
		String kind = Objects.requireNonNullElse(request.kind(), GENERAL_NOTICE);
		Posting posting = withContent(new Posting(id, school.id(), kind, request.title(), request.body(),
				request.publicityStart(), request.publicityEnd(), PostingStatus.DRAFT, null), school, request,
				List.of());
		this.postings.create(posting, this.clock.instant());
		this.postings.recordAuthor(id, this.actor.name());
		this.audit.record("posting.created", school.id(), id, posting.title());
		return posting;
	}

	/**
	 * Edits title, body and publicity period. An approved (or in-review) posting goes
	 * back to review, and leaves the screens until it is approved again; a rejected one
	 * becomes a draft.
	 */
	@Transactional
	public Posting edit(String id, NewPosting request) {
		Posting current = get(id);
		if (!current.schoolId().equals(request.schoolId())) {
			throw new IllegalArgumentException("a posting cannot move to another school; create a new one there");
		}
		PostingStatus next = afterEdit(current);
		Posting edited = withContent(
				new Posting(id, current.schoolId(), current.kind(), request.title(), request.body(),
						request.publicityStart(), request.publicityEnd(), next, null),
				school(current.schoolId()), request, content(current).attachments());
		this.postings.update(edited, this.clock.instant());
		this.audit.record("posting.edited", current.schoolId(), id,
				current.status() + " -> " + next + "; " + edited.title());
		this.events.publishEvent(new PostingChanged(id, current.schoolId()));
		return edited;
	}

	/**
	 * Gives the posting a new list of attachments: a new content document, and like any
	 * edit an approved posting goes back to review (and leaves the screens until approved
	 * again).
	 * @param action the audit action, e.g. {@code posting.attachment.added}
	 */
	@Transactional
	public Posting replaceAttachments(String id, List<Attachment> attachments, String action, String detail) {
		Posting current = get(id);
		PostingStatus next = afterEdit(current);
		PostingContent old = content(current);
		PostingContent updated = new PostingContent(old.schema(), old.postingId(), old.kind(), old.title(), old.body(),
				old.publicityStart(), old.publicityEnd(), old.schoolName(), old.timeZone(), old.fields(), old.tables(),
				attachments);
		String sha = this.contents.put(this.codec.encode(updated), CONTENT_MEDIA_TYPE);
		Posting edited = new Posting(id, current.schoolId(), current.kind(), current.title(), current.body(),
				current.publicityStart(), current.publicityEnd(), next, sha, current.attribute());
		this.postings.update(edited, this.clock.instant());
		this.audit.record(action, current.schoolId(), id, current.status() + " -> " + next + "; " + detail);
		this.events.publishEvent(new PostingChanged(id, current.schoolId()));
		return edited;
	}

	/** The posting's current content document, as screens get it. */
	public PostingContent content(Posting posting) {
		ContentStore.Content stored = this.contents.get(posting.contentSha256())
			.orElseThrow(() -> new IllegalStateException(
					"content document " + posting.contentSha256() + " of posting " + posting.id() + " is missing"));
		try {
			return this.codec.decodeContent(stored.bytes());
		}
		catch (MalformedMessageException ex) {
			// the server wrote it itself: unreadable means a damaged database, not bad
			// input
			throw new IllegalStateException(
					"content document " + posting.contentSha256() + " of posting " + posting.id() + " is unreadable",
					ex);
		}
	}

	/**
	 * Editing sends an approved posting back to review; a rejected one becomes a draft.
	 */
	private static PostingStatus afterEdit(Posting current) {
		return switch (current.status()) {
			case DRAFT, REJECTED -> PostingStatus.DRAFT;
			case IN_REVIEW, APPROVED -> PostingStatus.IN_REVIEW;
			case WITHDRAWN ->
				throw new ConflictException("posting '" + current.id() + "' is withdrawn; create a new one");
		};
	}

	/**
	 * Moves a posting from one of {@code from} to {@code to}, or says why it cannot.
	 * @param action the audit action, e.g. {@code posting.submitted}
	 */
	@Transactional
	public Posting transition(String id, Set<PostingStatus> from, PostingStatus to, String action, String detail) {
		Posting posting = get(id);
		if (!from.contains(posting.status())) {
			throw new ConflictException("posting '" + id + "' is " + posting.status().name().toLowerCase()
					+ "; this needs it to be " + from.stream().map((s) -> s.name().toLowerCase()).sorted().toList());
		}
		this.postings.updateStatus(id, to, this.clock.instant());
		this.audit.record(action, posting.schoolId(), id, detail);
		this.events.publishEvent(new PostingChanged(id, posting.schoolId()));
		return get(id);
	}

	/** Takes a posting off every screen; it stays on record. */
	@Transactional
	public Posting withdraw(String id) {
		return transition(id,
				Set.of(PostingStatus.DRAFT, PostingStatus.IN_REVIEW, PostingStatus.APPROVED, PostingStatus.REJECTED),
				PostingStatus.WITHDRAWN, "posting.withdrawn", null);
	}

	@Transactional
	public void recordAttribute(String id, DisclosureAttribute attribute, String reason) {
		this.postings.recordAttribute(id, attribute, reason);
	}

	public Posting get(String id) {
		return this.postings.find(id).orElseThrow(() -> new NotFoundException("no posting '" + id + "'"));
	}

	/** Who created the posting; empty for postings from before the review workflow. */
	public java.util.Optional<String> author(String id) {
		return this.postings.author(id);
	}

	/**
	 * Builds the content document, checks it against its kind's rules (required fields
	 * and tables, no pupils' scores, minimum publicity period) and stores it.
	 */
	private Posting withContent(Posting p, School school, NewPosting request, List<Attachment> attachments) {
		PostingContent content = new PostingContent(PostingContent.SCHEMA, p.id(), p.kind(), p.title(), p.body(),
				p.publicityStart(), p.publicityEnd(), school.name(), school.timeZone().getId(),
				(request.fields() != null) ? request.fields() : Map.of(),
				(request.tables() != null) ? request.tables() : List.of(), attachments);
		List<Violation> violations = this.validator.validate(content, LocaleContextHolder.getLocale());
		if (!violations.isEmpty()) {
			throw new IllegalArgumentException(
					violations.stream().map(Violation::message).collect(Collectors.joining("; ")));
		}
		String sha = this.contents.put(this.codec.encode(content), CONTENT_MEDIA_TYPE);
		return new Posting(p.id(), p.schoolId(), p.kind(), p.title(), p.body(), p.publicityStart(), p.publicityEnd(),
				p.status(), sha);
	}

	private School school(String id) {
		return this.schools.find(id).orElseThrow(() -> new NotFoundException("no school '" + id + "'"));
	}

}
