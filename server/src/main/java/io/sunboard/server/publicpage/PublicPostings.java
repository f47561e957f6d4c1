package io.sunboard.server.publicpage;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import io.sunboard.protocol.Attachment;
import io.sunboard.protocol.PostingContent;
import io.sunboard.server.attachment.AttachmentRepository;
import io.sunboard.server.posting.ContentStore;
import io.sunboard.server.posting.Posting;
import io.sunboard.server.posting.PostingRepository;
import io.sunboard.server.posting.PostingService;

/**
 * What the public may see right now: proactive, approved postings within their publicity
 * period, and the attachments of those. Everything else is answered as absent, whether it
 * exists or not.
 */
@Service
class PublicPostings {

	private final PostingRepository postings;

	private final PostingService service;

	private final AttachmentRepository attachments;

	private final ContentStore contents;

	private final Clock clock;

	PublicPostings(PostingRepository postings, PostingService service, AttachmentRepository attachments,
			ContentStore contents, Clock clock) {
		this.postings = postings;
		this.service = service;
		this.attachments = attachments;
		this.contents = contents;
		this.clock = clock;
	}

	Optional<Shown> posting(String id) {
		Instant now = this.clock.instant();
		return this.postings.find(id).filter((p) -> p.publicAt(now)).map((p) -> new Shown(p, this.service.content(p)));
	}

	/** The school's public postings, the most recently started first. */
	List<Shown> current(String schoolId) {
		Instant now = this.clock.instant();
		return this.postings.findBySchool(schoolId)
			.stream()
			.filter((p) -> p.publicAt(now))
			.sorted(Comparator.comparing(Posting::publicityStart).reversed().thenComparing(Posting::id))
			.map((p) -> new Shown(p, this.service.content(p)))
			.toList();
	}

	/** The file, while a public posting lists it. */
	Optional<File> attachment(String sha256) {
		Instant now = this.clock.instant();
		for (String postingId : this.attachments.postingsHolding(sha256)) {
			Optional<Attachment> listed = this.postings.find(postingId)
				.filter((p) -> p.publicAt(now))
				.flatMap((p) -> this.service.content(p)
					.attachments()
					.stream()
					.filter((a) -> a.sha256().equals(sha256))
					.findFirst());
			if (listed.isPresent()) {
				Attachment attachment = listed.get();
				return this.contents.get(sha256).map((c) -> new File(attachment, c.bytes()));
			}
		}
		return Optional.empty();
	}

	Instant now() {
		return this.clock.instant();
	}

	/** A public posting and its content document. */
	record Shown(Posting posting, PostingContent content) {

	}

	/** An attachment and its bytes. */
	record File(Attachment attachment, byte[] bytes) {

	}

}
