package io.sunboard.kiosk;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sunboard.protocol.Attachment;
import io.sunboard.protocol.ContentTable;
import io.sunboard.protocol.Manifest;
import io.sunboard.protocol.PostingContent;
import io.sunboard.protocol.Sha256;
import io.sunboard.templates.PostingRenderer;
import io.sunboard.testsupport.MutableClock;

import static io.sunboard.kiosk.Fixtures.T0;
import static io.sunboard.kiosk.Fixtures.always;
import static io.sunboard.kiosk.Fixtures.item;
import static io.sunboard.kiosk.Fixtures.window;
import static org.assertj.core.api.Assertions.assertThat;

class TouchCatalogTests {

	@TempDir
	Path dir;

	private final MutableClock clock = new MutableClock(T0);

	private KioskThreads threads;

	private ContentStore store;

	private Player player;

	private TouchCatalog catalog;

	static PostingContent admission(String postingId, Duration period) {
		List<List<String>> rows = new ArrayList<>();
		for (int i = 1; i <= 20; i++) {
			rows.add(List.of("学生" + i, "A2026" + i, "一年级（" + (i % 4 + 1) + "）班", "已录取"));
		}
		rows.add(List.of("张小明", "A2026099", "Bilingual Class B", "已录取"));
		return new PostingContent(PostingContent.SCHEMA, postingId, "admission", "2026年一年级新生录取结果公示", "录取工作已结束。", T0,
				T0.plus(period), "第一实验小学", "Asia/Shanghai",
				Map.of("policySummary", "按学区划片招生", "plan", "招收 8 个班", "appealPhone", "0595-22281234", "appealAddress",
						"泉州市丰泽区东湖街 1 号", "appealEmail", "zsb@example.edu.cn"),
				List.of(new ContentTable("results", List.of("姓名", "录取编号", "录取学校/班级", "状态"), rows)));
	}

	@BeforeEach
	void setUp() throws IOException {
		this.threads = KioskThreads.create("test");
		this.store = new ContentStore(this.dir.resolve("content"), Fixtures.CODEC);
		KioskConfig config = Fixtures.config(this.dir);
		PostingRenderer renderer = new PostingRenderer();
		this.player = new Player(this.store, renderer, config, (event) -> true, this.clock, this.threads.timer());
		this.catalog = new TouchCatalog(this.player, this.store, renderer, config);
	}

	@AfterEach
	void tearDown() {
		this.threads.shutdown();
	}

	private void play(Manifest manifest, PostingContent... contents) throws IOException {
		for (PostingContent content : contents) {
			this.store.put(Fixtures.sha(content), Fixtures.bytes(content));
		}
		this.player.show(manifest);
	}

	@Test
	void homeCountsThePostingsOfEachKindWithTheKindsLabelInTheVisitorsLanguage() throws IOException {
		PostingContent admission = admission("admission-1", Duration.ofDays(20));
		PostingContent notice = Fixtures.content("notice-1", "开学通知");
		PostingContent notice2 = Fixtures.content("notice-2", "运动会通知");
		play(Fixtures.manifest("lobby-01", 1, item(notice, 10, always()), item(admission, 10, always()),
				item(notice2, 10, always())), admission, notice, notice2);

		assertThat(this.catalog.categories(Locale.SIMPLIFIED_CHINESE)).containsExactly(
				new TouchCatalog.Category("admission", "招生录取", 1), new TouchCatalog.Category("general", "通知公告", 2));
		assertThat(this.catalog.categories(Locale.ENGLISH)).extracting(TouchCatalog.Category::label)
			.doesNotContain("招生录取", "通知公告");
		assertThat(this.catalog.list("general", Locale.SIMPLIFIED_CHINESE)).extracting(TouchCatalog.Line::postingId)
			.containsExactly("notice-1", "notice-2");
	}

	@Test
	void searchFindsAWordInATableCellIgnoringCaseButNeverAMaskedName() throws IOException {
		PostingContent admission = admission("admission-1", Duration.ofDays(20));
		PostingContent notice = Fixtures.content("notice-1", "开学通知");
		play(Fixtures.manifest("lobby-01", 1, item(admission, 10, always()), item(notice, 10, always())), admission,
				notice);

		assertThat(this.catalog.search("bilingual class", Locale.SIMPLIFIED_CHINESE)).singleElement()
			.satisfies((line) -> {
				assertThat(line.postingId()).isEqualTo("admission-1");
				assertThat(line.match()).contains("Bilingual Class B");
			});
		assertThat(this.catalog.search("A202617", Locale.SIMPLIFIED_CHINESE)).extracting(TouchCatalog.Line::postingId)
			.containsExactly("admission-1");
		assertThat(this.catalog.search("正文第二段", Locale.SIMPLIFIED_CHINESE)).extracting(TouchCatalog.Line::postingId)
			.containsExactly("notice-1");
		assertThat(this.catalog.search("划片", Locale.SIMPLIFIED_CHINESE)).hasSize(1);
		assertThat(this.catalog.search("张小明", Locale.SIMPLIFIED_CHINESE))
			.as("a visitor cannot find out that a masked name is on the list")
			.isEmpty();
		assertThat(this.catalog.search("   ", Locale.SIMPLIFIED_CHINESE)).isEmpty();
	}

	@Test
	void postingWhoseWindowEndsLeavesListSearchAndDetailOnTimeWithoutAnyNetwork() throws IOException {
		PostingContent admission = admission("admission-1", Duration.ofDays(20));
		PostingContent notice = Fixtures.content("notice-1", "开学通知");
		play(Fixtures.manifest("lobby-01", 1, item(admission, 10, window(T0, T0.plusSeconds(60))),
				item(notice, 10, always())), admission, notice);
		assertThat(this.catalog.detail("admission-1", Locale.SIMPLIFIED_CHINESE)).isPresent();

		this.clock.advance(Duration.ofSeconds(60));

		assertThat(this.catalog.categories(Locale.SIMPLIFIED_CHINESE)).extracting(TouchCatalog.Category::kind)
			.containsExactly("general");
		assertThat(this.catalog.list("admission", Locale.SIMPLIFIED_CHINESE)).isEmpty();
		assertThat(this.catalog.search("A202617", Locale.SIMPLIFIED_CHINESE)).isEmpty();
		assertThat(this.catalog.detail("admission-1", Locale.SIMPLIFIED_CHINESE)).isEmpty();
	}

	@Test
	void documentWhosePublicityEndPassedIsGoneEvenIfTheWindowOutlastsIt() throws IOException {
		PostingContent shortOne = admission("admission-1", Duration.ofDays(1));
		play(Fixtures.manifest("lobby-01", 1, item(shortOne, 10, always())), shortOne);
		assertThat(this.catalog.entries()).hasSize(1);

		this.clock.advance(Duration.ofDays(1));

		assertThat(this.catalog.entries()).isEmpty();
		assertThat(this.catalog.detail("admission-1", Locale.SIMPLIFIED_CHINESE)).isEmpty();
	}

	@Test
	void detailRendersInTheVisitorsLanguageAndOffersOnlyAttachmentsOnDiskOfPostingsHereNow() throws IOException {
		byte[] photo = Fixtures.png();
		byte[] pdf = Fixtures.pdf();
		PostingContent notice = Fixtures.withAttachments(Fixtures.content("notice-1", "开学通知"),
				new Attachment("校门.png", "image/png", Sha256.of(photo), photo.length),
				new Attachment("批复.pdf", "application/pdf", Sha256.of(pdf), pdf.length));
		this.store.put(Sha256.of(photo), photo);
		play(Fixtures.manifest("lobby-01", 1, item(notice, 10, window(T0, T0.plusSeconds(60)))), notice);

		TouchCatalog.Detail detail = this.catalog.detail("notice-1", Locale.ENGLISH).orElseThrow();
		assertThat(detail.html()).contains("lang=\"en\"");
		assertThat(detail.attachments()).extracting(Attachment::name).containsExactly("校门.png");
		assertThat(this.catalog.attachment(Sha256.of(photo))).isPresent();
		assertThat(this.catalog.attachment(Sha256.of(pdf))).as("not fetched yet").isEmpty();
		assertThat(this.catalog.attachment(Fixtures.sha(notice))).as("a document is not an attachment").isEmpty();

		this.clock.advance(Duration.ofSeconds(60));
		assertThat(this.catalog.attachment(Sha256.of(photo))).as("its posting has left the kiosk").isEmpty();
	}

}
