package io.sunboard.server.feedback;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Feedback as a staff member sees it: the contact and phone numbers in the text are
 * masked unless that member is the assignee.
 *
 * @param status {@code open}, {@code assigned} or {@code answered}
 * @param contactMasked whether {@code contact} and {@code text} had phone numbers masked
 */
public record FeedbackView(String id, String schoolId, FeedbackKind kind, FeedbackChannel channel, String deviceId,
		String postingId, String text, String contact, boolean contactMasked, Instant receivedAt, LocalDate dueOn,
		String assignee, String reply, Instant repliedAt, String repliedBy, boolean publishReply, String status,
		boolean overdue, boolean dueSoon, boolean answeredOnTime) {

}
