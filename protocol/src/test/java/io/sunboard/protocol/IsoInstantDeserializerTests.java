package io.sunboard.protocol;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The fast path reads what peers write exactly as {@code Instant.parse} does, and every
 * other text gets the answer Jackson's own deserializer gives.
 */
class IsoInstantDeserializerTests {

	private final JsonCodec codec = new JsonCodec();

	/** Jackson without the fast path: the reference. */
	private final JsonMapper plain = JsonMapper.builder().build();

	@Property
	void readsEveryUtcInstantWithAnyFractionLikeInstantParse(
			@ForAll @LongRange(min = 0, max = 253_402_300_799L) long epochSecond,
			@ForAll @IntRange(min = 0, max = 999_999_999) int nanos, @ForAll @IntRange(min = 0, max = 9) int digits) {
		Instant instant = Instant.ofEpochSecond(epochSecond, nanos);
		String text = instant.toString().substring(0, 19)
				+ ((digits == 0) ? "" : "." + String.format("%09d", nanos).substring(0, digits)) + "Z";

		assertThat(IsoInstantDeserializer.parseUtc(text)).isEqualTo(Instant.parse(text));
	}

	@Test
	void leavesOtherFormsToJacksonWithTheSameOutcome() {
		List<String> texts = List.of("2026-12-03T17:40:08+08:00", "2026-12-03T17:40:08.5-01:30", "2026-12-31T23:59:60Z",
				"+12026-12-03T17:40:08Z", "2026-12-03t17:40:08Z", "2026-12-03T17:40:08.Z",
				"2026-12-03T17:40:08.1234567890Z", "2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z",
				"2026-12-03T24:00:00Z", "2026-12-03 17:40:08Z", "２０２６-12-03T17:40:08Z", "", "soon");
		for (String text : texts) {
			assertThat(IsoInstantDeserializer.parseUtc(text)).as(text).isNull();
			assertSameOutcome("\"" + text + "\"");
		}
		assertSameOutcome("1764783608");
		assertSameOutcome("1764783608.5");
	}

	@Test
	void anEventWithAnImpossibleDateIsStillRefusedWithAReason() {
		byte[] batch = "{\"deviceId\":\"lobby-1\",\"events\":[{\"id\":\"e1\",\"type\":\"played\",\"at\":\"2026-04-31T08:00:00Z\",\"postingId\":\"p-1\",\"durationMs\":1}]}"
			.getBytes(StandardCharsets.UTF_8);

		assertThatThrownBy(() -> this.codec.decode(batch, EventBatch.class))
			.isInstanceOfSatisfying(MalformedMessageException.class,
					(ex) -> assertThat(ex.reason()).isEqualTo(MalformedMessageException.Reason.NOT_JSON))
			.hasMessageContaining("2026-04-31");
	}

	private void assertSameOutcome(String json) {
		byte[] bytes = ("{\"at\":" + json + "}").getBytes(StandardCharsets.UTF_8);
		Instant expected;
		try {
			expected = this.plain.readValue(bytes, Holder.class).at();
		}
		catch (RuntimeException ex) {
			assertThatThrownBy(() -> this.codec.decode(bytes, Holder.class)).as(json)
				.isInstanceOf(MalformedMessageException.class);
			return;
		}
		assertThat(decode(bytes).at()).as(json).isEqualTo(expected);
	}

	private Holder decode(byte[] bytes) {
		try {
			return this.codec.decode(bytes, Holder.class);
		}
		catch (MalformedMessageException ex) {
			throw new AssertionError(ex);
		}
	}

	record Holder(Instant at) {

	}

}
