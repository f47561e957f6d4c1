package io.sunboard.server.dispatch;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.sunboard.protocol.Manifest;
import io.sunboard.protocol.ManifestItem;
import io.sunboard.protocol.TimeWindow;

import static org.assertj.core.api.Assertions.assertThat;

class NowAndNextTests {

	private static final String SHA = "c".repeat(64);

	@Test
	void listsTheLoopNowAndEachChangeWithinTheHours() {
		ManifestItem fee = item("fee", 0, "2026-11-23T00:00:00Z", "2026-11-23T10:00:00Z");
		ManifestItem drill = item("drill", 5, "2026-11-23T02:00:00Z", "2026-11-23T02:10:00Z");
		Manifest manifest = new Manifest(1, "d1", "s1", "学校", 3, SHA, Instant.parse("2026-11-23T00:00:00Z"),
				List.of(fee, drill));

		NowAndNext answer = NowAndNext.of("d1", manifest, Instant.parse("2026-11-23T01:00:00Z"),
				Instant.parse("2026-11-23T11:00:00Z"));

		assertThat(answer.now()).extracting(NowAndNext.Shown::postingId).containsExactly("fee");
		assertThat(answer.next()).extracting(NowAndNext.Change::at)
			.containsExactly(Instant.parse("2026-11-23T02:00:00Z"), Instant.parse("2026-11-23T02:10:00Z"),
					Instant.parse("2026-11-23T10:00:00Z"));
		assertThat(answer.next().get(0).showing()).extracting(NowAndNext.Shown::postingId)
			.as("higher priority first")
			.containsExactly("drill", "fee");
		assertThat(answer.next().get(2).showing()).as("the default page").isEmpty();
		assertThat(answer.manifestVersion()).isEqualTo(3);
	}

	@Test
	void aScreenWithoutManifestShowsItsDefaultPage() {
		NowAndNext answer = NowAndNext.of("d1", null, Instant.parse("2026-11-23T01:00:00Z"),
				Instant.parse("2026-11-23T07:00:00Z"));

		assertThat(answer.now()).isEmpty();
		assertThat(answer.next()).isEmpty();
	}

	private static ManifestItem item(String id, int priority, String start, String end) {
		return new ManifestItem(id, "标题", "general", SHA, 10, priority,
				List.of(new TimeWindow(Instant.parse(start), Instant.parse(end))));
	}

}
