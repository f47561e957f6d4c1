package io.sunboard.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.Select;

import io.sunboard.kiosk.KioskClient;
import io.sunboard.kiosk.KioskConfig;
import io.sunboard.protocol.DeviceStatus;
import io.sunboard.protocol.JsonCodec;
import io.sunboard.protocol.Topics;
import io.sunboard.testsupport.HeadlessChromium;
import io.sunboard.testsupport.MosquittoBroker;
import io.sunboard.testsupport.MosquittoExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * The live dashboard on real parts: the server on a real Mosquitto, the real kiosk
 * client, a screen that connects but never applies (a plain MQTT client), and the
 * dashboard open in headless Chromium the whole time, never reloaded.
 */
@ExtendWith(MosquittoExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(400)
class DashboardIT {

	private static final String SERVER_USER = "sunboard-server";

	private static final String SERVER_PASSWORD = "server-secret-for-tests";

	private static final String EDITOR_PASSWORD = "other-school-password";

	private static final Duration WAIT = Duration.ofSeconds(60);

	private final MosquittoBroker broker;

	private HeadlessChromium chromium;

	private RunningServer server;

	private String lobbySecret;

	DashboardIT(MosquittoBroker broker) {
		this.broker = broker;
	}

	@BeforeAll
	void setUp(@TempDir Path dir) {
		this.broker.addServerAccount("sunboard/v1", SERVER_USER, SERVER_PASSWORD);
		this.chromium = HeadlessChromium.start(1600, 1000);
		this.server = RunningServer.external(dir.resolve("server"), this.broker, SERVER_USER, SERVER_PASSWORD)
			// shortened so the test sees a screen turn stale
			.with("sunboard.dashboard.stale-after", "PT5S")
			.with("sunboard.dashboard.refresh-interval", "PT1S")
			.start();
		created(this.server.post("/api/v1/regions", Map.of("id", "fengze", "name", "丰泽区教育局")));
		created(this.server.post("/api/v1/schools", Map.of("id", "shiyan", "regionId", "fengze", "name", "丰泽区实验小学")));
		created(this.server.post("/api/v1/schools", Map.of("id", "other", "regionId", "fengze", "name", "另一所学校")));
		created(this.server.post("/api/v1/accounts", Map.of("username", "other-editor", "password", EDITOR_PASSWORD,
				"role", "SCHOOL_EDITOR", "scopeType", "SCHOOL", "scopeId", "other")));
		this.lobbySecret = created(this.server.post("/api/v1/devices",
				Map.of("id", "dash-lobby", "schoolId", "shiyan", "name", "一楼大厅触摸屏", "profile", "kiosk")))
			.json()
			.get("secret")
			.asString();
	}

	@AfterAll
	void tearDown() {
		if (this.server != null) {
			this.server.close();
		}
		if (this.chromium != null) {
			this.chromium.close();
		}
	}

	@Test
	void theOpenDashboardFollowsScreensPublishesAndFeedbackWithoutReloading(@TempDir Path dir) throws Exception {
		WebDriver browser = this.chromium.driver();
		try {
			followScreens(browser, dir);
		}
		catch (Throwable ex) {
			this.chromium.screenshot("dashboard-failure");
			System.err.println("Dashboard page at failure: " + browser.getPageSource());
			System.err.println("Browser console errors: " + this.chromium.consoleErrors());
			throw ex;
		}
	}

	private void followScreens(WebDriver browser, Path dir) throws Exception {
		String title = "2026年秋季学期收费公示 看板";
		String postingId = createScheduledPosting(title);
		try (KioskClient kiosk = KioskClient.start(kioskConfig(dir.resolve("kiosk")))) {
			signIn(browser);
			browser.get(this.server.url() + "/console/dashboard");
			js(browser, "window.sunboardLoadMarker = 'still-the-same-page';");

			await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> {
				WebElement row = row(browser, "dash-lobby");
				assertThat(row.getAttribute("data-health")).isEqualTo("FINE");
				assertThat(row.findElement(By.className("now-playing")).getText()).isEqualTo(title);
				assertThat(progressText(browser, postingId)).contains("1 / 1");
			});
			this.chromium.screenshot("dashboard-1-online-and-showing");

			// a screen that connects but never applies its manifest turns stale, not fine
			String silentSecret = created(this.server.post("/api/v1/devices",
					Map.of("id", "dash-silent", "schoolId", "shiyan", "name", "二楼走廊显示屏")))
				.json()
				.get("secret")
				.asString();
			MqttClient silent = connectSilentScreen("dash-silent", silentSecret);
			try {
				await().atMost(WAIT)
					.ignoreExceptions()
					.untilAsserted(() -> assertThat(row(browser, "dash-silent").getAttribute("data-health"))
						.isEqualTo("STALE"));
				assertThat(progressText(browser, postingId)).contains("1 / 2");
				assertThat(countCell(browser, "shiyan", "count-stale")).isEqualTo("1");
				// filtering by state is done by the server: only the stale screen is
				// listed
				new Select(browser.findElement(By.id("filter-health"))).selectByValue("STALE");
				await().atMost(WAIT)
					.ignoreExceptions()
					.until(() -> browser.findElements(By.cssSelector("#screens tr[data-device]")).size() == 1
							&& row(browser, "dash-silent") != null);
				new Select(browser.findElement(By.id("filter-health"))).selectByValue("");
				await().atMost(WAIT)
					.until(() -> browser.findElements(By.cssSelector("#screens tr[data-device]")).size() == 2);
				this.chromium.screenshot("dashboard-2-silent-screen-stale");

				// feedback from the kiosk appears as it arrives, without its text or
				// phone
				HttpResponse<String> sent = sendFeedback(kiosk, "complaint", "食堂价格太高", "13800138000");
				assertThat(sent.statusCode()).as(sent.body()).isEqualTo(204);
				await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> {
					WebElement item = browser.findElement(By.cssSelector("#feedback li[data-category='complaint']"));
					assertThat(item.getText()).contains("丰泽区实验小学");
				});
				assertThat(browser.getPageSource()).doesNotContain("13800138000").doesNotContain("食堂价格太高");
				this.chromium.screenshot("dashboard-3-feedback-arrived");
			}
			finally {
				silent.disconnect();
				silent.close();
			}
		}
		// stopping the kiosk publishes offline; the open page follows without a reload
		await().atMost(WAIT)
			.ignoreExceptions()
			.untilAsserted(
					() -> assertThat(row(browser, "dash-lobby").getAttribute("data-health")).isEqualTo("OFFLINE"));
		assertThat(js(browser, "return window.sunboardLoadMarker;")).isEqualTo("still-the-same-page");
		this.chromium.screenshot("dashboard-4-kiosk-stopped-offline");
		// the console has no favicon (yet); anything else logged as an error is a fault
		assertThat(this.chromium.consoleErrors()).filteredOn((error) -> !error.contains("favicon.ico")).isEmpty();

		// signing out in another tab closes the open dashboard's socket: the page goes to
		// sign-in
		String dashboardTab = browser.getWindowHandle();
		browser.switchTo().newWindow(WindowType.TAB);
		browser.get(this.server.url() + "/logout");
		browser.findElement(By.cssSelector("button[type=submit], input[type=submit]")).click();
		await().atMost(WAIT).until(() -> browser.getCurrentUrl().contains("/login"));
		browser.switchTo().window(dashboardTab);
		await().atMost(WAIT).until(() -> browser.getCurrentUrl().contains("/login"));
	}

	@Test
	void aHandshakeFromAnotherSiteOrWithoutSignInIsRefused() {
		assertThat(
				refusedHandshake(() -> openSocket("admin", RunningServer.ADMIN_PASSWORD, "http://evil.example", null)))
			.isEqualTo(403);
		// not signed in: sent to the login page or challenged, never upgraded
		assertThat(refusedHandshake(() -> openSocket(null, null, this.server.url(), null))).isIn(302, 401);
	}

	/** The status of a handshake the server refused. */
	private static int refusedHandshake(Runnable open) {
		Throwable thrown = catchThrowable(open::run);
		for (Throwable t = thrown; t != null; t = t.getCause()) {
			if (t instanceof WebSocketHandshakeException refused) {
				return refused.getResponse().statusCode();
			}
		}
		throw new AssertionError("the handshake was not refused", thrown);
	}

	@Test
	void eachAccountSeesOnlyTheScreensOfItsScope() throws Exception {
		LinkedBlockingQueue<String> messages = new LinkedBlockingQueue<>();
		WebSocket socket = openSocket("other-editor", EDITOR_PASSWORD, this.server.url(), messages);
		try {
			String snapshot = messages.poll(60, TimeUnit.SECONDS);
			assertThat(snapshot).contains("\"type\":\"snapshot\"")
				.doesNotContain("dash-lobby")
				.doesNotContain("shiyan");
			socket.sendText("{\"type\":\"view\",\"schoolId\":\"shiyan\"}", true).join();
			String refusal = messages.poll(60, TimeUnit.SECONDS);
			assertThat(refusal).contains("\"type\":\"error\"").contains("\"code\":\"scope\"");
		}
		finally {
			socket.abort();
		}
		LinkedBlockingQueue<String> adminMessages = new LinkedBlockingQueue<>();
		WebSocket admin = openSocket("admin", RunningServer.ADMIN_PASSWORD, this.server.url(), adminMessages);
		try {
			assertThat(adminMessages.poll(60, TimeUnit.SECONDS)).contains("\"type\":\"snapshot\"")
				.contains("dash-lobby");
		}
		finally {
			admin.abort();
		}
	}

	private WebSocket openSocket(String user, String password, String origin, LinkedBlockingQueue<String> messages) {
		WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().header("Origin", origin);
		if (user != null) {
			builder.header("Authorization", "Basic "
					+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
		}
		URI uri = URI.create(this.server.url().replace("http://", "ws://") + "/console/dashboard/ws");
		CompletableFuture<WebSocket> socket = builder.buildAsync(uri, new WebSocket.Listener() {
			private final StringBuilder text = new StringBuilder();

			@Override
			public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
				this.text.append(data);
				if (last && messages != null) {
					messages.add(this.text.toString());
					this.text.setLength(0);
				}
				webSocket.request(1);
				return null;
			}
		});
		try {
			return socket.get(60, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new CompletionException(ex);
		}
	}

	private void signIn(WebDriver browser) {
		browser.get(this.server.url() + "/login");
		browser.findElement(By.name("username")).sendKeys("admin");
		browser.findElement(By.name("password")).sendKeys(RunningServer.ADMIN_PASSWORD);
		browser.findElement(By.cssSelector("button[type=submit], input[type=submit]")).click();
		await().atMost(WAIT).until(() -> !browser.getCurrentUrl().contains("/login"));
	}

	private static Object js(WebDriver browser, String script) {
		return ((JavascriptExecutor) browser).executeScript(script);
	}

	private static WebElement row(WebDriver browser, String deviceId) {
		return browser.findElement(By.cssSelector("#screens tr[data-device='" + deviceId + "']"));
	}

	private static String progressText(WebDriver browser, String postingId) {
		return browser.findElement(By.cssSelector("#progress li[data-posting='" + postingId + "'] .figures")).getText();
	}

	private static String countCell(WebDriver browser, String schoolId, String column) {
		return browser.findElement(By.cssSelector("#counts tr[data-school='" + schoolId + "'] ." + column)).getText();
	}

	private MqttClient connectSilentScreen(String deviceId, String secret) throws Exception {
		MqttClient client = new MqttClient(this.broker.url(), deviceId, new MemoryPersistence());
		MqttConnectionOptions options = new MqttConnectionOptions();
		options.setUserName(deviceId);
		options.setPassword(secret.getBytes(StandardCharsets.UTF_8));
		options.setConnectionTimeout(10);
		// the broker account is created right after registration; retry until it exists
		await().atMost(WAIT).ignoreExceptions().until(() -> {
			client.connect(options);
			return true;
		});
		byte[] online = new JsonCodec()
			.encode(new DeviceStatus(deviceId, DeviceStatus.State.ONLINE, 1, "silent-test", Instant.now()));
		MqttMessage message = new MqttMessage(online);
		message.setQos(1);
		message.setRetained(true);
		client.publish(Topics.defaults().status(deviceId), message);
		return client;
	}

	private static HttpResponse<String> sendFeedback(KioskClient kiosk, String category, String text, String phone)
			throws Exception {
		String origin = kiosk.playerUrl().toString().replaceAll("/$", "");
		String json = new JsonCodec()
			.encodeToString(Map.of("type", "feedback", "category", category, "text", text, "contact", phone));
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(kiosk.playerUrl().resolve("/touch/event"))
				.header("Content-Type", "application/json")
				.header("Origin", origin)
				.POST(HttpRequest.BodyPublishers.ofString(json))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	private String createScheduledPosting(String title) {
		Instant now = Instant.now();
		String id = this.server.createApprovedPosting(Map.of("schoolId", "shiyan", "title", title, "body",
				"作业本费：每生每学期 18 元。\n投诉电话：0595-22281234", "publicityStart", now.minusSeconds(60).toString(),
				"publicityEnd", now.plus(Duration.ofDays(10)).toString()));
		created(this.server.post("/api/v1/postings/" + id + "/schedule",
				Map.of("startsAt", now.minusSeconds(60).toString(), "endsAt", now.plus(Duration.ofDays(10)).toString(),
						"durationSeconds", 5)));
		return id;
	}

	private KioskConfig kioskConfig(Path dataDir) {
		Properties p = FaultFixture.kioskProperties("dash-lobby", this.lobbySecret, this.broker.url(),
				this.server.url(), dataDir);
		p.setProperty("screen.profile", "kiosk");
		return KioskConfig.from(p);
	}

	private static RunningServer.Response created(RunningServer.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response;
	}

}
