package io.sunboard.protocol;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PublishedReplyTests {

	private final JsonCodec codec = new JsonCodec();

	private static final Instant AT = Instant.parse("2026-10-08T08:00:00Z");

	@Test
	void repliesRoundTripAsAJsonArray() throws Exception {
		List<PublishedReply> replies = List.of(
				new PublishedReply("fb-1", PublishedReply.COMPLAINT, "p-1", "收费标准？请回电 138****5678", "以公示为准。", AT),
				new PublishedReply("fb-2", PublishedReply.CONSULTATION, null, "开放日几点？", "上午九点。", AT));

		byte[] json = this.codec.encode(replies);

		assertThat(new String(json, StandardCharsets.UTF_8)).startsWith("[{")
			.contains("\"repliedAt\":\"2026-10-08T08:00:00Z\"")
			.contains("\"kind\":\"COMPLAINT\"");
		assertThat(this.codec.decodeReplies(json)).isEqualTo(replies);
	}

	@Test
	void aNewerKindIsAcceptedButNotFreeText() throws Exception {
		assertThat(new PublishedReply("fb-1", "PRAISE", null, "q", "r", AT).kind()).isEqualTo("PRAISE");
		assertThatThrownBy(() -> new PublishedReply("fb-1", "<b>x</b>", null, "q", "r", AT))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("kind");
	}

	@Test
	void refusesInvalidRepliesNamingTheField() {
		assertThat(reason(
				"{\"id\":\"a/b\",\"kind\":\"COMPLAINT\",\"question\":\"q\",\"reply\":\"r\",\"repliedAt\":\"2026-10-08T08:00:00Z\"}"))
			.contains("id");
		assertThat(reason(
				"{\"id\":\"fb-1\",\"kind\":\"COMPLAINT\",\"question\":\"\",\"reply\":\"r\",\"repliedAt\":\"2026-10-08T08:00:00Z\"}"))
			.contains("question");
		assertThat(reason("{\"id\":\"fb-1\",\"kind\":\"COMPLAINT\",\"question\":\"q\",\"reply\":\"" + "长".repeat(4001)
				+ "\",\"repliedAt\":\"2026-10-08T08:00:00Z\"}"))
			.contains("reply");
		assertThat(reason("{\"id\":\"fb-1\",\"kind\":\"COMPLAINT\",\"question\":\"q\",\"reply\":\"r\"}"))
			.contains("repliedAt");
	}

	@Test
	void refusesTooManyTooLargeAndNonArrays() {
		String one = "{\"id\":\"fb-1\",\"kind\":\"COMPLAINT\",\"question\":\"q\",\"reply\":\"r\",\"repliedAt\":\"2026-10-08T08:00:00Z\"}";
		String many = "[" + String.join(",", java.util.Collections.nCopies(PublishedReply.MAX_COUNT + 1, one)) + "]";
		assertThatThrownBy(() -> this.codec.decodeReplies(many.getBytes(StandardCharsets.UTF_8)))
			.isInstanceOfSatisfying(MalformedMessageException.class,
					(ex) -> assertThat(ex.reason()).isEqualTo(MalformedMessageException.Reason.INVALID));
		assertThatThrownBy(() -> this.codec.decodeReplies(new byte[JsonCodec.MAX_REPLIES_BYTES + 1]))
			.isInstanceOfSatisfying(MalformedMessageException.class,
					(ex) -> assertThat(ex.reason()).isEqualTo(MalformedMessageException.Reason.TOO_LARGE));
		assertThatThrownBy(() -> this.codec.decodeReplies(one.getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(MalformedMessageException.class);
		assertThatThrownBy(() -> this.codec.decodeReplies("[null]".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(MalformedMessageException.class);
	}

	private String reason(String element) {
		try {
			this.codec.decodeReplies(("[" + element + "]").getBytes(StandardCharsets.UTF_8));
		}
		catch (MalformedMessageException ex) {
			assertThat(ex.reason()).isEqualTo(MalformedMessageException.Reason.INVALID);
			return ex.getMessage();
		}
		throw new AssertionError("accepted " + element);
	}

}
