package io.sunboard.server.feedback;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Feedback that staff enter for a phone call or a visit.
 *
 * @param receivedAt when the school received it; now when omitted
 */
public record NewFeedback(@NotBlank(message = "schoolId is required: the school the feedback is for") String schoolId,
		@NotNull(message = "kind is required: CONSULTATION, COMPLAINT or SUGGESTION") FeedbackKind kind,
		@NotNull(
				message = "channel is required: PHONE or IN_PERSON (kiosk feedback arrives by itself)") FeedbackChannel channel,
		@Size(max = 64, message = "postingId must be at most 64 characters") String postingId,
		@NotBlank(message = "text is required: what the person asked or said") @Size(max = 2000,
				message = "text must be at most 2000 characters") String text,
		@Pattern(regexp = "[0-9+ ()-]{0,40}",
				message = "contact must be a phone number (digits, spaces, +, - and parentheses, at most 40)") String contact,
		Instant receivedAt) {

}
