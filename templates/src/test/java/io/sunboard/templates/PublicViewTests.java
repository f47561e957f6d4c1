package io.sunboard.templates;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.sunboard.protocol.Attachment;
import io.sunboard.protocol.ContentTable;
import io.sunboard.protocol.PostingContent;

import static org.assertj.core.api.Assertions.assertThat;

/** What callers outside the renderer get: the masked document and kind labels. */
class PublicViewTests {

	private final PostingRenderer renderer = new PostingRenderer();

	@Test
	void publicViewMasksPersonalDataAndKeepsTheAttachments() {
		Attachment pdf = new Attachment("批复.pdf", "application/pdf", "a".repeat(64), 1234);
		PostingContent content = new PostingContent(PostingContent.SCHEMA, "p-1", "admission", "录取结果", "咨询 13812345678",
				Instant.parse("2026-09-01T00:00:00Z"), Instant.parse("2026-09-30T00:00:00Z"), "第一实验小学", "Asia/Shanghai",
				Map.of(), List.of(new ContentTable("results", List.of("姓名", "录取编号"), List.of(List.of("张小明", "A1")))),
				List.of(pdf));

		PostingContent view = this.renderer.publicView(content);

		assertThat(view.body()).doesNotContain("13812345678").contains("138****5678");
		assertThat(view.tables().get(0).rows().get(0)).containsExactly("张*明", "A1");
		assertThat(view.attachments()).containsExactly(pdf);
	}

	@Test
	void kindLabelIsInTheReadersLanguageAndUnknownKindsReadAsGeneralNotices() {
		assertThat(this.renderer.kindLabel("fee-notice", Locale.SIMPLIFIED_CHINESE)).isEqualTo("收费公示");
		assertThat(this.renderer.kindLabel("admission", Locale.ENGLISH)).isEqualTo("Admission result");
		assertThat(this.renderer.kindLabel("admission", Locale.TRADITIONAL_CHINESE)).isEqualTo("招生錄取");
		assertThat(this.renderer.kindLabel("gossip", Locale.SIMPLIFIED_CHINESE)).isEqualTo("通知公告");
	}

}
