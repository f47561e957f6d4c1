package io.sunboard.protocol;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A reply a school chose to show on its kiosks, one element of the JSON array
 * {@code GET /device-api/v1/feedback-replies} answers
 * ({@link DeviceHttp#FEEDBACK_REPLIES_PATH}): the visitor's question with phone and ID
 * numbers masked by the server, and the school's answer. Never the visitor's contact.
 *
 * @param id the feedback item's id
 * @param kind {@link #CONSULTATION}, {@link #COMPLAINT} or {@link #SUGGESTION}; any other
 * upper-case word is accepted (a newer server may add kinds) and shown as a reply of no
 * particular kind
 * @param postingId the posting the question was about, null for none
 * @param question the question, masked
 * @param reply the answer
 * @param repliedAt when the answer was given
 */
public record PublishedReply(String id, String kind, String postingId, String question, String reply,
		Instant repliedAt) {

	public static final String CONSULTATION = "CONSULTATION";

	public static final String COMPLAINT = "COMPLAINT";

	public static final String SUGGESTION = "SUGGESTION";

	/**
	 * Longest question or reply on the wire: the server takes 2,000 characters for
	 * either, and masking never lengthens a text; the rest is headroom.
	 */
	public static final int MAX_TEXT = 4000;

	/** Most replies in one answer (the server sends the latest 50). */
	public static final int MAX_COUNT = 200;

	private static final Pattern KIND = Pattern.compile("[A-Z][A-Z_]{0,31}");

	public PublishedReply {
		Ids.require(id, "id");
		if (kind == null || !KIND.matcher(kind).matches()) {
			throw new IllegalArgumentException(
					"kind must be CONSULTATION, COMPLAINT or SUGGESTION; got '" + kind + "'");
		}
		if (postingId != null) {
			Ids.require(postingId, "postingId");
		}
		Checks.text(question, "question", MAX_TEXT);
		Checks.text(reply, "reply", MAX_TEXT);
		Checks.present(repliedAt, "repliedAt");
	}

}
