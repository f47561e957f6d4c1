package io.sunboard.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import tools.jackson.databind.JsonNode;

import io.sunboard.kiosk.KioskClient;
import io.sunboard.kiosk.KioskConfig;
import io.sunboard.protocol.JsonCodec;
import io.sunboard.testsupport.FreePorts;
import io.sunboard.testsupport.HeadlessChromium;
import io.sunboard.testsupport.MosquittoBroker;
import io.sunboard.testsupport.MosquittoExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A parent's question answered on the kiosk, on real parts: the server on a real
 * Mosquitto, the real kiosk client, its touch pages in headless Chromium. The kiosk sends
 * a visitor's complaint about a posting; staff answer it and publish the answer; the
 * kiosk fetches it when its next manifest is applied and shows it, the phone number in
 * the question masked, under "questions & answers" and on the posting's page. A reply not
 * published and another school's published reply never reach it; after a restart without
 * a server the kiosk still shows the saved copy. Screenshot:
 * {@code target/screenshots/kiosk-replies.png}.
 */
@ExtendWith(MosquittoExtension.class)
@Timeout(300)
class KioskRepliesIT {

	private static final String SERVER_USER = "sunboard-server";

	private static final String SERVER_PASSWORD = "server-secret-for-tests";

	private static final Duration WAIT = Duration.ofSeconds(60);

	private static final String PUBLISHED = "收费以公示为准，已安排专人回电说明。";

	private static final String NOT_PUBLISHED = "食堂菜单每周一更新，此答复仅回复本人。";

	private static final String OTHER_SCHOOL = "另一所学校的答复，不应出现在本校触摸屏。";

	private final MosquittoBroker broker;

	private final HttpClient http = HttpClient.newHttpClient();

	private RunningServer server;

	KioskRepliesIT(MosquittoBroker broker) {
		this.broker = broker;
	}

	@Test
	void aPublishedReplyReachesTheKioskMaskedAndNothingElseDoes(@TempDir Path dir) throws Exception {
		this.broker.addServerAccount("sunboard/v1", SERVER_USER, SERVER_PASSWORD);
		try (RunningServer server = RunningServer
			.external(dir.resolve("server"), this.broker.url(), SERVER_USER, SERVER_PASSWORD,
					this.broker.adminUsername(), this.broker.adminPassword())
			.start()) {
			this.server = server;
			String secret = seed();
			String fees = scheduledPosting("shiyan", "2026年秋季学期收费公示");
			Properties kiosk = kioskProperties(secret, dir.resolve("kiosk"), this.broker.url(), server.url());
			try (KioskClient client = KioskClient.start(KioskConfig.from(kiosk));
					HeadlessChromium chromium = HeadlessChromium.start(1600, 1000)) {
				await().atMost(WAIT).until(() -> client.appliedManifestVersion() > 0);
				String itemId = kioskComplaintArrives(client, fees);
				otherRepliesThatMustNotShow();
				created(server.post("/api/v1/feedback/" + itemId + "/reply",
						Map.of("reply", PUBLISHED, "publishOnKiosk", true)), 200);

				// the next manifest applied makes the kiosk fetch the replies again
				long before = client.appliedManifestVersion();
				scheduledPosting("shiyan", "校园开放日通知");
				await().atMost(WAIT).until(() -> client.appliedManifestVersion() > before);
				await().atMost(WAIT).until(() -> touch(client, "/touch/replies").contains(PUBLISHED));

				try {
					visitorReadsTheAnswer(chromium, client, fees);
				}
				catch (Throwable ex) {
					chromium.screenshot("kiosk-replies-failure");
					System.err.println("Kiosk page at failure: " + chromium.driver().getPageSource());
					System.err.println("Browser console errors: " + chromium.consoleErrors());
					throw ex;
				}
				assertThat(client.replyFetchFailures()).isZero();
			}
			// the next start without any server: the saved replies still show
			kiosk.setProperty("server.url", "http://127.0.0.1:" + FreePorts.find());
			try (KioskClient offline = KioskClient.start(KioskConfig.from(kiosk))) {
				String replies = touch(offline, "/touch/replies");
				assertThat(replies).contains(PUBLISHED, "138****5678").doesNotContain("13812345678");
				await().atMost(WAIT).until(() -> offline.replyFetchFailures() > 0);
				assertThat(touch(offline, "/touch/replies")).contains(PUBLISHED);
			}
		}
	}

	private void visitorReadsTheAnswer(HeadlessChromium chromium, KioskClient client, String fees) {
		WebDriver driver = chromium.driver();
		driver.get(client.playerUrl().toString());
		await().atMost(WAIT).until(() -> !driver.findElements(By.cssSelector("main.screen article.posting")).isEmpty());
		driver.findElement(By.cssSelector("main.screen")).click();
		await().atMost(WAIT).until(() -> !driver.findElements(By.cssSelector(".sb-touch-replies-open")).isEmpty());
		assertThat(driver.findElement(By.cssSelector(".sb-touch-replies-open")).getText()).contains("答复公开（问答）",
				"共 1 条答复");
		assertTouchSized(driver);

		driver.findElement(By.cssSelector(".sb-touch-replies-open")).click();
		await().atMost(WAIT).until(() -> driver.findElements(By.cssSelector(".sb-touch-reply")).size() == 1);
		String page = driver.findElement(By.cssSelector(".sb-touch-panel")).getText();
		assertThat(page).contains("答复公开（问答）", "投诉 · 答复于 ", "收费标准看不清，请回电 138****5678", PUBLISHED, "相关公示：2026年秋季学期收费公示");
		assertThat(driver.getPageSource()).doesNotContain("13812345678")
			.doesNotContain(NOT_PUBLISHED)
			.doesNotContain(OTHER_SCHOOL);
		assertTouchSized(driver);
		chromium.screenshot("kiosk-replies");

		// the reply leads to its posting, whose page lists the replies about it
		driver.findElement(By.cssSelector(".sb-touch-reply-posting[data-posting='" + fees + "']")).click();
		await().atMost(WAIT)
			.until(() -> !driver.findElements(By.cssSelector(".sb-touch-posting article.posting")).isEmpty()
					&& !driver.findElements(By.cssSelector(".sb-touch-replies .sb-touch-reply")).isEmpty());
		assertThat(driver.findElement(By.cssSelector(".sb-touch-replies")).getText()).contains("关于这条公示的答复", PUBLISHED,
				"138****5678");
		chromium.screenshot("kiosk-replies-on-posting");

		// and in English
		driver.findElement(By.cssSelector(".sb-touch-lang[data-lang='en']")).click();
		await().atMost(WAIT)
			.until(() -> driver.findElement(By.cssSelector(".sb-touch-replies")).getText().contains("Answers about"));
		assertThat(chromium.consoleErrors()).as("CSP violations and script errors").isEmpty();
	}

	/** A visitor's complaint with a phone number in it, sent from the kiosk's page. */
	private String kioskComplaintArrives(KioskClient client, String postingId) throws Exception {
		String origin = client.playerUrl().toString().replaceAll("/$", "");
		String json = new JsonCodec().encodeToString(Map.of("type", "feedback", "category", "complaint", "text",
				"收费标准看不清，请回电 13812345678", "contact", "13812345678", "postingId", postingId));
		HttpResponse<String> sent = this.http.send(HttpRequest.newBuilder(client.playerUrl().resolve("/touch/event"))
			.header("Content-Type", "application/json")
			.header("Origin", origin)
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(sent.statusCode()).as(sent.body()).isEqualTo(204);
		await().atMost(WAIT).until(() -> kioskItem() != null);
		return kioskItem().get("id").asString();
	}

	/**
	 * An answer the school keeps to the person who asked, and another school's published
	 * answer.
	 */
	private void otherRepliesThatMustNotShow() {
		JsonNode kept = created(this.server.post("/api/v1/feedback", feedback("shiyan", "食堂菜单在哪里看？")), 201).json();
		created(this.server.post("/api/v1/feedback/" + kept.get("id").asString() + "/reply",
				Map.of("reply", NOT_PUBLISHED, "publishOnKiosk", false)), 200);
		JsonNode elsewhere = created(this.server.post("/api/v1/feedback", feedback("other", "另一所学校的问题")), 201).json();
		created(this.server.post("/api/v1/feedback/" + elsewhere.get("id").asString() + "/reply",
				Map.of("reply", OTHER_SCHOOL, "publishOnKiosk", true)), 200);
	}

	private JsonNode kioskItem() {
		for (JsonNode item : this.server.get("/api/v1/feedback?schoolId=shiyan").json()) {
			if (item.get("channel").asString().equals("KIOSK")) {
				return item;
			}
		}
		return null;
	}

	/** Region, two schools, the touch kiosk at the first; returns its secret. */
	private String seed() {
		created(this.server.post("/api/v1/regions", Map.of("id", "fengze", "name", "丰泽区教育局")), 201);
		created(this.server.post("/api/v1/schools", Map.of("id", "shiyan", "regionId", "fengze", "name", "丰泽区实验小学")),
				201);
		created(this.server.post("/api/v1/schools", Map.of("id", "other", "regionId", "fengze", "name", "另一所学校")), 201);
		return created(this.server.post("/api/v1/devices",
				Map.of("id", "qa-kiosk", "schoolId", "shiyan", "name", "一楼大厅触摸屏", "profile", "kiosk")), 201)
			.json()
			.get("secret")
			.asString();
	}

	private String scheduledPosting(String schoolId, String title) {
		Instant now = Instant.now();
		String id = this.server.createApprovedPosting(Map.of("schoolId", schoolId, "title", title, "body",
				"作业本费：每生每学期 18 元。\n投诉电话：0595-22281234", "publicityStart", now.minusSeconds(60).toString(),
				"publicityEnd", now.plus(Duration.ofDays(10)).toString()));
		created(this.server.post("/api/v1/postings/" + id + "/schedule",
				Map.of("startsAt", now.minusSeconds(60).toString(), "endsAt", now.plus(Duration.ofDays(10)).toString(),
						"durationSeconds", 5)),
				201);
		return id;
	}

	private static Map<String, Object> feedback(String schoolId, String text) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("schoolId", schoolId);
		body.put("kind", "CONSULTATION");
		body.put("channel", "PHONE");
		body.put("text", text);
		return body;
	}

	private static Properties kioskProperties(String secret, Path dataDir, String brokerUrl, String serverUrl) {
		Properties p = new Properties();
		p.setProperty("broker.url", brokerUrl);
		p.setProperty("device.id", "qa-kiosk");
		p.setProperty("device.secret", secret);
		p.setProperty("server.url", serverUrl);
		p.setProperty("data.dir", dataDir.toString());
		p.setProperty("player.port", "0");
		p.setProperty("heartbeat.seconds", "2");
		p.setProperty("screen.profile", "kiosk");
		return p;
	}

	private String touch(KioskClient client, String path) throws Exception {
		return this.http
			.send(HttpRequest.newBuilder(URI.create(client.playerUrl().toString()).resolve(path)).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
	}

	private static void assertTouchSized(WebDriver driver) {
		assertThat(HeadlessChromium.smallTouchTargets(driver)).as("controls smaller than 44 x 44 px").isEmpty();
	}

	private static RunningServer.Response created(RunningServer.Response response, int status) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		return response;
	}

}
