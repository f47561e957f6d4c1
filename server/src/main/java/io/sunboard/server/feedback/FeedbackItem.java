package io.sunboard.server.feedback;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One piece of feedback as stored, contact unmasked: never hand it to a caller as is (see
 * {@link FeedbackView}).
 */
record FeedbackItem(String id, String schoolId, FeedbackKind kind, FeedbackChannel channel, String deviceId,
		String postingId, String text, String contact, Instant receivedAt, LocalDate dueOn, String assignee,
		String reply, Instant repliedAt, String repliedBy, boolean publishReply) {

	boolean answered() {
		return this.repliedAt != null;
	}

}
