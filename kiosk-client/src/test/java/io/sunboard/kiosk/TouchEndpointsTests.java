package io.sunboard.kiosk;

import io.sunboard.testsupport.MutableClock;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sunboard.protocol.Attachment;
import io.sunboard.protocol.DeviceEvent;
import io.sunboard.protocol.EventType;
import io.sunboard.protocol.PostingContent;
import io.sunboard.protocol.PublishedReply;
import io.sunboard.protocol.Sha256;
import io.sunboard.templates.PostingRenderer;
import io.sunboard.templates.ScreenProfile;

import static io.sunboard.kiosk.Fixtures.T0;
import static io.sunboard.kiosk.Fixtures.always;
import static io.sunboard.kiosk.Fixtures.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class TouchEndpointsTests {

	@TempDir
	Path dir;

	private final HttpClient http = HttpClient.newHttpClient();

	private final List<DeviceEvent> events = new CopyOnWriteArrayList<>();

	private final byte[] pdf = Fixtures.pdf();

	private KioskThreads threads;

	private PlayerServer server;

	@BeforeEach
	void setUp() throws IOException {
		this.threads = KioskThreads.create("test");
		PostingRenderer renderer = new PostingRenderer();
		KioskConfig base = Fixtures.config(this.dir);
		KioskConfig config = new KioskConfig(base.deviceId(), base.secret(), base.brokerUrl(), base.serverUrl(),
				base.topicRoot(), base.dataDir(), base.playerBind(), 0, base.heartbeatInterval(), ScreenProfile.KIOSK,
				Locale.SIMPLIFIED_CHINESE, "", base.cacheMaxBytes(), base.journalCapacity(), base.touchIdle(),
				"https://gk.example.edu.cn/public/postings/{postingId}", null, base.repliesInterval());
		ContentStore store = new ContentStore(this.dir, Fixtures.CODEC);
		PostingContent fees = Fixtures.withAttachments(Fixtures.content("fees", "收费公示"),
				new Attachment("批复.pdf", "application/pdf", Sha256.of(this.pdf), this.pdf.length));
		store.put(Fixtures.sha(fees), Fixtures.bytes(fees));
		store.put(Sha256.of(this.pdf), this.pdf);
		MutableClock clock = new MutableClock(T0);
		Player player = new Player(store, renderer, config, this.events::add, clock, this.threads.timer());
		player.show(Fixtures.manifest("lobby-01", 1, item(fees, 10, always())));
		this.server = new PlayerServer(player, renderer, Fixtures.CODEC, config, this.threads.http());
		TouchCatalog catalog = new TouchCatalog(player, store, renderer, config);
		PublishedReplies replies = new PublishedReplies(this.dir, Fixtures.CODEC,
				() -> Fixtures.CODEC.encode(List.of(
						new PublishedReply("fb-1", PublishedReply.COMPLAINT, "fees", "收费标准？请回电 13812345678", "以公示为准。",
								T0.plusSeconds(3600)),
						new PublishedReply("fb-2", PublishedReply.CONSULTATION, null, "开放日几点开始？", "上午九点。",
								T0.plus(Duration.ofDays(1))),
						new PublishedReply("fb-3", "PRAISE", "gone", "表扬老师", "谢谢。", T0))));
		assertThat(replies.refresh()).isTrue();
		this.server.addTouch(new TouchEndpoints(player, catalog, new TouchReplies(replies, catalog), Fixtures.CODEC,
				this.events::add, clock, config, () -> this.server.url()));
		this.server.start();
		await().atMost(Duration.ofSeconds(5)).until(() -> "fees".equals(player.nowPlaying()));
		this.events.clear();
	}

	@AfterEach
	void tearDown() {
		this.server.stop();
		this.threads.shutdown();
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(this.server.url().resolve(path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String json, String origin) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.server.url().resolve("/touch/event"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		if (origin != null) {
			request.header("Origin", origin);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private String origin() {
		return this.server.url().toString().replaceAll("/$", "");
	}

	@Test
	void homeListSearchAndPostingAnswerInTheAskedLanguageWithLabelsFromTheBundle() throws Exception {
		HttpResponse<String> home = get("/touch/home");
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("\"lang\":\"zh-CN\"", "\"kind\":\"general\"", "通知公告", "\"count\":1",
				"这条信息对您有帮助吗？", "繁體中文");
		assertThat(get("/touch/home?lang=en").body()).contains("\"lang\":\"en\"", "Was this helpful?")
			.doesNotContain("这条信息对您有帮助吗？");
		assertThat(get("/touch/home?lang=zh-TW").body()).contains("這條資訊對您有幫助嗎？");
		assertThat(get("/touch/home?lang=fr").statusCode()).isEqualTo(400);

		assertThat(get("/touch/list?kind=general").body()).contains("\"postingId\":\"fees\"", "收费公示");
		assertThat(get("/touch/search?q=%E6%AD%A3%E6%96%87%E7%AC%AC%E4%BA%8C").body())
			.contains("\"postingId\":\"fees\"");
		assertThat(get("/touch/search?q=nothing-like-this").body()).isEqualTo("{\"items\":[]}");
		assertThat(get("/touch/search?q=" + "x".repeat(TouchCatalog.MAX_QUERY + 1)).statusCode()).isEqualTo(400);

		HttpResponse<String> page = get("/touch/posting/fees?lang=en");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("收费公示", "lang=\\\"en\\\"", "posting-qr", "data:image/svg+xml");
		assertThat(get("/touch/posting/other").statusCode()).isEqualTo(404);
		assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(PlayerServer.CSP);
	}

	@Test
	void publishedRepliesNewestFirstWithMaskedQuestionsAndThoseAboutTheOpenedPosting() throws Exception {
		assertThat(get("/touch/home").body()).contains("\"replies\":3", "答复公开");

		String all = get("/touch/replies").body();
		assertThat(all).containsSubsequence("\"id\":\"fb-2\"", "\"id\":\"fb-1\"", "\"id\":\"fb-3\"")
			.contains("\"kindLabel\":\"咨询\"", "\"kindLabel\":\"投诉\"", "\"kindLabel\":\"答复\"")
			.contains("138****5678", "\"date\":\"2026-09-02\"", "\"postingTitle\":\"收费公示\"")
			.doesNotContain("13812345678");
		assertThat(get("/touch/replies?lang=en").body()).contains("\"kindLabel\":\"Complaint\"");
		assertThat(get("/touch/replies?lang=fr").statusCode()).isEqualTo(400);

		String page = get("/touch/posting/fees").body();
		assertThat(page).contains("\"id\":\"fb-1\"", "以公示为准。").doesNotContain("fb-2").doesNotContain("fb-3");
	}

	@Test
	void onlyAttachmentsOfPostingsHereNowAreServedAndNeverAsADownload() throws Exception {
		assertThat(get("/touch/attachment/" + Fixtures.sha(Fixtures.content("fees", "收费公示"))).statusCode())
			.as("a posting document is not an attachment")
			.isEqualTo(404);
		assertThat(get("/touch/attachment/..%2Fmanifest.json").statusCode()).isEqualTo(404);
		HttpResponse<byte[]> pdf = this.http.send(
				HttpRequest.newBuilder(this.server.url().resolve("/touch/attachment/" + Sha256.of(this.pdf))).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.body()).isEqualTo(this.pdf);
		assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
		assertThat(pdf.headers().firstValue("Content-Disposition")).hasValue("inline");
		assertThat(pdf.headers().firstValue("Content-Security-Policy")).hasValue(TouchEndpoints.ATTACHMENT_CSP);
	}

	@Test
	void interactionRatingAndFeedbackGoIntoTheJournal() throws Exception {
		assertThat(post("{\"type\":\"interaction\",\"postingId\":\"fees\",\"durationMs\":4200}", origin()).statusCode())
			.isEqualTo(204);
		assertThat(post("{\"type\":\"rating\",\"postingId\":\"fees\",\"helpful\":true}", origin()).statusCode())
			.isEqualTo(204);
		assertThat(post("{\"type\":\"feedback\",\"category\":\"complaint\",\"text\":\" 收费标准看不清 \","
				+ "\"contact\":\"0595-22281234\",\"postingId\":\"fees\"}", origin())
			.statusCode()).isEqualTo(204);

		assertThat(this.events).extracting(DeviceEvent::type)
			.containsExactly(EventType.INTERACTION, EventType.RATING, EventType.FEEDBACK);
		assertThat(this.events.get(0).durationMs()).isEqualTo(4200);
		assertThat(this.events.get(1).helpful()).isTrue();
		DeviceEvent feedback = this.events.get(2);
		assertThat(feedback.text()).isEqualTo("收费标准看不清");
		assertThat(feedback.contact()).isEqualTo("0595-22281234");
		assertThat(feedback.toString()).doesNotContain("收费标准看不清").doesNotContain("22281234");
	}

	@Test
	void badOrForeignPostsAreRefusedWithoutEchoingWhatTheVisitorWrote() throws Exception {
		String feedback = "{\"type\":\"feedback\",\"category\":\"complaint\",\"text\":\"私人内容\",\"contact\":\"call me\"}";
		HttpResponse<String> badPhone = post(feedback, origin());
		assertThat(badPhone.statusCode()).isEqualTo(400);
		assertThat(badPhone.body()).contains("contact").doesNotContain("call me").doesNotContain("私人内容");

		assertThat(post("{\"type\":\"feedback\",\"category\":\"praise\",\"text\":\"x\"}", origin()).statusCode())
			.isEqualTo(400);
		assertThat(post("{\"type\":\"rating\",\"postingId\":\"not-here\",\"helpful\":true}", origin()).statusCode())
			.isEqualTo(400);
		assertThat(post("{\"type\":\"rating\",\"postingId\":\"fees\",\"helpful\":true}", "http://evil.example")
			.statusCode()).isEqualTo(403);
		assertThat(post("{\"type\":\"rating\",\"postingId\":\"fees\",\"helpful\":true}", null).statusCode())
			.isEqualTo(403);
		assertThat(post("x".repeat(TouchEndpoints.MAX_BODY_BYTES + 1), origin()).statusCode()).isEqualTo(413);
		assertThat(this.events).isEmpty();
	}

}
