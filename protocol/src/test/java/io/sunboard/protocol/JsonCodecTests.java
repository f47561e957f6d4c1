package io.sunboard.protocol;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonCodecTests {

	private final JsonCodec codec = new JsonCodec();

	@Test
	void eventBatchRoundTripsWithIsoInstants() throws Exception {
		EventBatch batch = new EventBatch("lobby-1",
				List.of(DeviceEvent.played("e1", Instant.parse("2026-11-23T08:00:00Z"), "p-1", 15000),
						DeviceEvent.applied("e2", Instant.parse("2026-11-23T08:00:01Z"), 3)));

		byte[] json = this.codec.encode(batch);

		assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"at\":\"2026-11-23T08:00:00Z\"")
			.contains("\"type\":\"played\"");
		assertThat(this.codec.decode(json, EventBatch.class)).isEqualTo(batch);
	}

	@Test
	void outputIsCanonicalSoEqualMessagesHaveEqualBytes() {
		TimeWindow window = new TimeWindow(Instant.parse("2026-11-23T08:00:00Z"),
				Instant.parse("2026-11-23T09:00:00Z"));
		ManifestItem a = new ManifestItem("p-1", "标题", "general", "b".repeat(64), 10, 0, List.of(window));
		ManifestItem b = new ManifestItem("p-1", "标题", "general", "b".repeat(64), 10, 0, List.of(window));

		assertThat(this.codec.encode(a)).isEqualTo(this.codec.encode(b));
		assertThat(this.codec.encodeToString(a)).startsWith("{\"contentSha256\"");
	}

	@Test
	void rejectsWhatIsNotJsonWithReason() {
		assertThatThrownBy(() -> this.codec.decode("{nope".getBytes(StandardCharsets.UTF_8), EventBatch.class))
			.isInstanceOfSatisfying(MalformedMessageException.class,
					(ex) -> assertThat(ex.reason()).isEqualTo(MalformedMessageException.Reason.NOT_JSON));
		assertThatThrownBy(() -> this.codec.decode(new byte[0], EventBatch.class)).isInstanceOfSatisfying(
				MalformedMessageException.class,
				(ex) -> assertThat(ex.reason()).isEqualTo(MalformedMessageException.Reason.NOT_JSON));
		assertThatThrownBy(() -> this.codec.decode("{} {}".getBytes(StandardCharsets.UTF_8), EventBatch.class))
			.isInstanceOf(MalformedMessageException.class);
	}

	@Test
	void rejectsInvalidFieldsNamingTheField() {
		String badId = "{\"deviceId\":\"lobby-1\",\"events\":[{\"id\":\"a/b\",\"type\":\"played\","
				+ "\"at\":\"2026-11-23T08:00:00Z\",\"postingId\":\"p\",\"durationMs\":1}]}";
		String playedWithoutPosting = "{\"deviceId\":\"lobby-1\",\"events\":[{\"id\":\"e1\",\"type\":\"played\","
				+ "\"at\":\"2026-11-23T08:00:00Z\",\"durationMs\":1}]}";

		assertThatThrownBy(() -> this.codec.decode(badId.getBytes(StandardCharsets.UTF_8), EventBatch.class))
			.isInstanceOfSatisfying(MalformedMessageException.class, (ex) -> {
				assertThat(ex.reason()).isEqualTo(MalformedMessageException.Reason.INVALID);
				assertThat(ex.getMessage()).contains("event.id");
			});
		assertThatThrownBy(
				() -> this.codec.decode(playedWithoutPosting.getBytes(StandardCharsets.UTF_8), EventBatch.class))
			.hasMessageContaining("event.postingId");
	}

	@Test
	void rejectsOversizedPayloads() {
		byte[] big = new byte[JsonCodec.MAX_PAYLOAD_BYTES + 1];
		assertThatThrownBy(() -> this.codec.decode(big, EventBatch.class)).isInstanceOfSatisfying(
				MalformedMessageException.class,
				(ex) -> assertThat(ex.reason()).isEqualTo(MalformedMessageException.Reason.TOO_LARGE));
	}

}
