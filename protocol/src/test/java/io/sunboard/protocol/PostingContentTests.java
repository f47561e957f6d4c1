package io.sunboard.protocol;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostingContentTests {

	private static final Instant START = Instant.parse("2026-09-01T00:00:00Z");

	private static final Instant END = Instant.parse("2026-09-15T00:00:00Z");

	private final JsonCodec codec = new JsonCodec();

	@Test
	void plainNoticeWritesNoFieldsOrTablesSoOlderDocumentsKeepTheirBytes() {
		PostingContent content = new PostingContent(PostingContent.SCHEMA, "p-1", "general", "标题", "正文", START, END,
				"一中", "Asia/Shanghai");

		assertThat(this.codec.encodeToString(content)).doesNotContain("fields", "tables");
		assertThat(content.fields()).isEmpty();
		assertThat(content.tables()).isEmpty();
	}

	@Test
	void structuredBodyRoundTrips() throws Exception {
		PostingContent content = new PostingContent(PostingContent.SCHEMA, "p-1", "admission", "录取结果", null, START, END,
				"一中", "Asia/Shanghai", Map.of("appealPhone", "0595-22345678", "appealEmail", "zs@example.cn"),
				List.of(new ContentTable("results", List.of("姓名", "状态"), List.of(List.of("张三明", "已录取")))));

		byte[] json = this.codec.encode(content);

		assertThat(new String(json, StandardCharsets.UTF_8))
			.contains("\"fields\":{\"appealEmail\":\"zs@example.cn\",\"appealPhone\":\"0595-22345678\"}");
		assertThat(this.codec.decodeContent(json)).isEqualTo(content);
		assertThat(content.field("appealPhone")).isEqualTo("0595-22345678");
		assertThat(content.field("missing")).isNull();
	}

	@Test
	void refusesFieldNamesThatAreNotPlainIdentifiers() {
		assertThatThrownBy(() -> new PostingContent(PostingContent.SCHEMA, "p-1", "general", "t", null, START, END,
				null, "Asia/Shanghai", Map.of("a b", "x"), List.of()))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("field names");
	}

	@Test
	void refusesOversizedTables() {
		List<String> tooMany = java.util.Collections.nCopies(ContentTable.MAX_COLUMNS + 1, "c");

		assertThatThrownBy(() -> new ContentTable("t", tooMany, List.of())).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("at most " + ContentTable.MAX_COLUMNS);
	}

}
