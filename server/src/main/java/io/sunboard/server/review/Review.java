package io.sunboard.server.review;

import java.time.Instant;

import io.sunboard.server.posting.DisclosureAttribute;

/** A recorded review decision on one version (content hash) of a posting. */
public record Review(String id, String postingId, String contentSha256, String reviewer,
		ReviewDecision.Outcome decision, String basis, String conclusion, DisclosureAttribute attribute,
		String attributeReason, String reason, Instant decidedAt) {

}
