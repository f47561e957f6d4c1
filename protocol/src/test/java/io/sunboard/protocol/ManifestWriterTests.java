package io.sunboard.protocol;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ManifestWriterTests {

	/** A content document as the server writes one: JSON, quotes, CJK, a line break. */
	private static final String DOCUMENT = "{\"body\":\"作业本费：每生每学期 18 元\\n\\\"代收\\\"\",\"title\":\"收费公示 😀\"}";

	private static final Instant NOW = Instant.parse("2026-12-04T06:30:00.123456789Z");

	private final JsonCodec codec = new JsonCodec();

	@Test
	void writesTheSameBytesAsTheCodec() {
		ManifestWriter writer = new ManifestWriter(this.codec);
		List<Manifest> manifests = List.of(manifest("lobby-1", items(3), "r-1"), manifest("lobby-2", items(3), null),
				manifest("lobby-3", List.of(), "r-1"),
				new Manifest(Manifest.SCHEMA, "lobby-4", "s-1", null, 0, "c".repeat(64), NOW, items(1), "r-1"),
				manifest("lobby-5",
						List.of(new ManifestItem("p-quoted", "收费公示 \\ \u2028 \"引号\"", "fee", "d".repeat(64), 10, -5,
								List.of())),
						"r-1"),
				new Manifest(Manifest.SCHEMA, "lobby-6", "s-1", "第一中学", 7, "a".repeat(64), NOW, items(2), "r-1",
						Map.of(Sha256.of(DOCUMENT.getBytes(StandardCharsets.UTF_8)), DOCUMENT, "e".repeat(64), "{}")));

		for (Manifest m : manifests) {
			assertThat(new String(writer.encode(m), StandardCharsets.UTF_8)).isEqualTo(this.codec.encodeToString(m));
		}
	}

	@Test
	void encodesEqualItemListsOnce() {
		ManifestWriter writer = new ManifestWriter(this.codec);
		List<ManifestItem> shared = items(4);
		String first = writer.items(shared);

		// Manifest copies the list, and another screen's list is built anew: equal, not
		// the same
		byte[] payload = writer.encode(manifest("lobby-99", new ArrayList<>(shared), "r-1"));

		assertThat(writer.items(new ArrayList<>(shared))).isSameAs(first).isEqualTo(this.codec.encodeToString(shared));
		assertThat(writer.items(items(2))).isNotSameAs(first).isEqualTo(this.codec.encodeToString(items(2)));
		assertThat(payload).isEqualTo(this.codec.encode(manifest("lobby-99", shared, "r-1")));
	}

	@Test
	void encodesEqualDocumentsOnceAndLeavesOutNone() throws MalformedMessageException {
		ManifestWriter writer = new ManifestWriter(this.codec);
		Map<String, String> documents = Map.of(Sha256.of(DOCUMENT.getBytes(StandardCharsets.UTF_8)), DOCUMENT);
		Manifest carrying = new Manifest(Manifest.SCHEMA, "lobby-1", "s-1", null, 1, "a".repeat(64), NOW, items(1),
				"r-1", documents);

		String json = new String(writer.encode(carrying), StandardCharsets.UTF_8);
		Manifest decoded = this.codec.decode(json.getBytes(StandardCharsets.UTF_8), Manifest.class);

		assertThat(decoded).isEqualTo(carrying);
		assertThat(decoded.document(Sha256.of(DOCUMENT.getBytes(StandardCharsets.UTF_8))))
			.hasValue(DOCUMENT.getBytes(StandardCharsets.UTF_8));
		assertThat(new String(writer.encode(manifest("lobby-2", items(1), "r-1")), StandardCharsets.UTF_8))
			.doesNotContain("documents");
	}

	private static Manifest manifest(String deviceId, List<ManifestItem> items, String regionId) {
		return new Manifest(Manifest.SCHEMA, deviceId, "s-1", "第一中学", 7, "a".repeat(64), NOW, items, regionId);
	}

	private static List<ManifestItem> items(int n) {
		List<ManifestItem> items = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			items.add(new ManifestItem("p-" + i, "公示 " + i, "general", Integer.toString(i).repeat(64).substring(0, 64),
					15, i, List.of(new TimeWindow(NOW, NOW.plusSeconds(3600 * (i + 1))))));
		}
		return items;
	}

}
