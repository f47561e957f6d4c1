package io.sunboard.server.review;

import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.sunboard.server.posting.Posting;
import io.sunboard.server.posting.PostingService;
import io.sunboard.server.posting.PostingStatus;
import io.sunboard.server.system.Actor;
import io.sunboard.templates.KindCatalog;
import io.sunboard.templates.KindDefinition;

/** Submit for review, then approve or reject, each recorded and in the audit log. */
@Service
public class ReviewService {

	private final PostingService postings;

	private final ReviewRepository reviews;

	private final KindCatalog kinds;

	private final Actor actor;

	private final Clock clock;

	ReviewService(PostingService postings, ReviewRepository reviews, KindCatalog kinds, Actor actor, Clock clock) {
		this.postings = postings;
		this.reviews = reviews;
		this.kinds = kinds;
		this.actor = actor;
		this.clock = clock;
	}

	@Transactional
	public Posting submit(String postingId) {
		return this.postings.transition(postingId, Set.of(PostingStatus.DRAFT, PostingStatus.REJECTED),
				PostingStatus.IN_REVIEW, "posting.submitted", null);
	}

	@Transactional
	public Review decide(String postingId, ReviewDecision decision) {
		String missing = decision.missing();
		if (missing != null) {
			throw new IllegalArgumentException(missing);
		}
		Posting posting = this.postings.get(postingId);
		String reviewer = this.actor.name();
		if (decision.decision() == ReviewDecision.Outcome.APPROVE
				&& this.kinds.find(posting.kind()).map(KindDefinition::highRisk).orElse(false)
				&& this.postings.author(postingId).map(reviewer::equals).orElse(false)) {
			throw new AccessDeniedException("'" + posting.kind() + "' is a high-risk kind: its author (" + reviewer
					+ ") cannot approve it; ask another reviewer");
		}
		boolean approve = decision.decision() == ReviewDecision.Outcome.APPROVE;
		this.postings.transition(postingId, Set.of(PostingStatus.IN_REVIEW),
				approve ? PostingStatus.APPROVED : PostingStatus.REJECTED,
				approve ? "posting.approved" : "posting.rejected",
				approve ? decision.attribute() + "; " + decision.conclusion() : decision.reason());
		if (approve) {
			this.postings.recordAttribute(postingId, decision.attribute(), decision.attributeReason());
		}
		Review review = new Review("r-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()), postingId,
				posting.contentSha256(), reviewer, decision.decision(), decision.basis(), decision.conclusion(),
				decision.attribute(), decision.attributeReason(), decision.reason(), this.clock.instant());
		this.reviews.create(review);
		return review;
	}

	public List<Review> history(String postingId) {
		return this.reviews.findByPosting(postingId);
	}

}
