package io.sunboard.protocol;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeviceEventTests {

	private static final Instant T = Instant.parse("2026-11-23T08:00:00Z");

	private final JsonCodec codec = new JsonCodec();

	@Test
	void playedEventKeepsItsOriginalShapeWithoutTheNewerFields() {
		assertThat(this.codec.encodeToString(DeviceEvent.played("e1", T, "p-1", 5)))
			.isEqualTo("{\"at\":\"2026-11-23T08:00:00Z\",\"durationMs\":5,\"id\":\"e1\",\"postingId\":\"p-1\","
					+ "\"type\":\"played\"}");
	}

	@Test
	void newerEventTypesRoundTrip() throws Exception {
		EventBatch batch = new EventBatch("lobby-1",
				List.of(DeviceEvent.playedSummary("e1", T, T.plusSeconds(600), "p-1", 40, 400_000),
						DeviceEvent.commandResult("e2", T, "c-1", "done", null),
						DeviceEvent.interaction("e3", T, "p-1", 4200), DeviceEvent.rating("e4", T, "p-1", false),
						DeviceEvent.feedback("e5", T, "complaint", "看不清", "0595-22281234", null)));

		String json = this.codec.encodeToString(batch);

		assertThat(json).contains("\"type\":\"played-summary\"", "\"type\":\"command-result\"",
				"\"type\":\"interaction\"", "\"type\":\"rating\"", "\"type\":\"feedback\"");
		assertThat(this.codec.decode(json.getBytes(), EventBatch.class)).isEqualTo(batch);
	}

	@Test
	void eachTypeNamesTheFieldItIsMissing() {
		assertThatThrownBy(() -> DeviceEvent.playedSummary("e1", T, T.minusSeconds(1), "p-1", 2, 10))
			.hasMessageContaining("event.lastAt");
		assertThatThrownBy(() -> DeviceEvent.commandResult("e1", T, "c-1", "maybe", null))
			.hasMessageContaining("event.outcome");
		assertThatThrownBy(() -> DeviceEvent.feedback("e1", T, "praise", "x", null, null))
			.hasMessageContaining("event.category");
		assertThatThrownBy(() -> DeviceEvent.feedback("e1", T, "complaint", " ", null, null))
			.hasMessageContaining("event.text");
		assertThatThrownBy(() -> DeviceEvent.feedback("e1", T, "complaint", "x", "call me", null))
			.hasMessageContaining("event.contact")
			.hasMessageNotContaining("call me");
	}

	@Test
	void toStringHidesWhatAVisitorWrote() {
		assertThat(DeviceEvent.feedback("e1", T, "complaint", "私人内容", "13800138000", null).toString())
			.doesNotContain("私人内容")
			.doesNotContain("13800138000");
	}

}
