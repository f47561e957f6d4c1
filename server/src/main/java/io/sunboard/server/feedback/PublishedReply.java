package io.sunboard.server.feedback;

import java.time.Instant;

/**
 * A reply a school chose to show on its kiosks: the question (phone numbers and ID
 * numbers masked) and the answer, never the visitor's contact.
 */
public record PublishedReply(String id, FeedbackKind kind, String postingId, String question, String reply,
		Instant repliedAt) {

}
