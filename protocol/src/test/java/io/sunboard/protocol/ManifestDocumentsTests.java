package io.sunboard.protocol;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManifestDocumentsTests {

	private static final Instant NOW = Instant.parse("2026-12-05T02:00:00Z");

	private static final String DOCUMENT = "{\"title\":\"2026年秋季学期收费公示\"}";

	private static final String SHA = Sha256.of(DOCUMENT.getBytes(StandardCharsets.UTF_8));

	private final JsonCodec codec = new JsonCodec();

	@Test
	void aCarriedDocumentIsHandedOutOnlyWhenItsBytesHashToItsKey() {
		String other = "b".repeat(64);
		Manifest manifest = manifest(Map.of(SHA, DOCUMENT, other, "{\"title\":\"换过的内容\"}"));

		assertThat(manifest.document(SHA)).hasValue(DOCUMENT.getBytes(StandardCharsets.UTF_8));
		assertThat(manifest.document(other)).as("text that does not hash to its key").isEmpty();
		assertThat(manifest.document("c".repeat(64))).as("not carried").isEmpty();
	}

	@Test
	void withoutDocumentsKeepsEverythingElse() {
		Manifest manifest = manifest(Map.of(SHA, DOCUMENT));

		Manifest plain = manifest.withoutDocuments();

		assertThat(plain.documents()).isEmpty();
		assertThat(plain).isEqualTo(manifest(Map.of()));
		assertThat(this.codec.encodeToString(plain)).doesNotContain("documents");
	}

	@Test
	void refusesHostileDocumentsWithTheirReason() {
		assertThatThrownBy(() -> manifest(Map.of("../etc/passwd", DOCUMENT)))
			.hasMessageContaining("documents key must be 64 lowercase hex digits");
		assertThatThrownBy(() -> manifest(Map.of(SHA, " "))).hasMessageContaining("documents." + SHA);
		Map<String, String> many = new HashMap<>();
		for (int i = 0; i <= Manifest.MAX_DOCUMENTS; i++) {
			many.put(String.format("%064x", i), DOCUMENT);
		}
		assertThatThrownBy(() -> manifest(many)).hasMessageContaining("at most " + Manifest.MAX_DOCUMENTS);
		String half = "x".repeat(Manifest.MAX_DOCUMENT_CHARS / 2 + 1);
		assertThatThrownBy(() -> manifest(Map.of("a".repeat(64), half, "b".repeat(64), half)))
			.hasMessageContaining("characters in all");
	}

	@Test
	void aMalformedDocumentsPropertyIsAMalformedManifest() {
		String json = this.codec.encodeToString(manifest(Map.of()))
			.replace("\"deviceId\"", "\"documents\":{\"" + SHA + "\":42,\"zz\":\"x\"},\"deviceId\"");

		assertThatThrownBy(() -> this.codec.decode(json.getBytes(StandardCharsets.UTF_8), Manifest.class))
			.isInstanceOf(MalformedMessageException.class);
	}

	private static Manifest manifest(Map<String, String> documents) {
		return new Manifest(Manifest.SCHEMA, "lobby-1", "s-1", "第一中学", 3, "a".repeat(64), NOW,
				List.of(new ManifestItem("p-1", "收费公示", "fee-notice", SHA, 10, 0, List.of())), "r-1", documents);
	}

}
