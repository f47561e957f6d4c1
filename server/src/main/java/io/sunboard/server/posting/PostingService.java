package io.sunboard.server.posting;

import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.sunboard.protocol.JsonCodec;
import io.sunboard.protocol.PostingContent;
import io.sunboard.server.school.School;
import io.sunboard.server.school.SchoolRepository;
import io.sunboard.server.system.NotFoundException;

/** Creates and withdraws postings and keeps their content documents. */
@Service
public class PostingService {

	static final String GENERAL_NOTICE = "general";

	static final String CONTENT_MEDIA_TYPE = "application/vnd.sunboard.posting+json";

	private final PostingRepository postings;

	private final SchoolRepository schools;

	private final ContentStore contents;

	private final JsonCodec codec;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	PostingService(PostingRepository postings, SchoolRepository schools, ContentStore contents, JsonCodec codec,
			ApplicationEventPublisher events, Clock clock) {
		this.postings = postings;
		this.schools = schools;
		this.contents = contents;
		this.codec = codec;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public Posting create(NewPosting request) {
		School school = this.schools.find(request.schoolId())
			.orElseThrow(() -> new NotFoundException("no school '" + request.schoolId() + "'"));
		if (!request.publicityEnd().isAfter(request.publicityStart())) {
			throw new IllegalArgumentException("publicityEnd must be after publicityStart");
		}
		String id = "p-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
		PostingContent content = new PostingContent(PostingContent.SCHEMA, id, GENERAL_NOTICE, request.title(),
				request.body(), request.publicityStart(), request.publicityEnd(), school.name(),
				school.timeZone().getId());
		String sha = this.contents.put(this.codec.encode(content), CONTENT_MEDIA_TYPE);
		Posting posting = new Posting(id, school.id(), GENERAL_NOTICE, request.title(), request.body(),
				request.publicityStart(), request.publicityEnd(), PostingStatus.APPROVED, sha);
		this.postings.create(posting, this.clock.instant());
		this.events.publishEvent(new PostingChanged(id, school.id()));
		return posting;
	}

	/** Takes a posting off every screen; it stays on record. */
	@Transactional
	public Posting withdraw(String id) {
		Posting posting = get(id);
		Instant now = this.clock.instant();
		this.postings.updateStatus(id, PostingStatus.WITHDRAWN, now);
		this.events.publishEvent(new PostingChanged(id, posting.schoolId()));
		return get(id);
	}

	public Posting get(String id) {
		return this.postings.find(id).orElseThrow(() -> new NotFoundException("no posting '" + id + "'"));
	}

}
