package io.sunboard.server;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import io.sunboard.kiosk.KioskClient;
import io.sunboard.kiosk.KioskConfig;
import io.sunboard.testsupport.HeadlessChromium;
import io.sunboard.testsupport.MosquittoBroker;
import io.sunboard.testsupport.MosquittoExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole path on real parts: the server with a real Mosquitto (external mode, device
 * accounts through dynamic security), the kiosk client, and headless Chromium on the
 * kiosk's player page.
 */
@ExtendWith(MosquittoExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(300)
class WalkingSkeletonIT {

	private static final String SERVER_USER = "sunboard-server";

	private static final String SERVER_PASSWORD = "server-secret-for-tests";

	private final MosquittoBroker broker;

	private HeadlessChromium chromium;

	WalkingSkeletonIT(MosquittoBroker broker) {
		this.broker = broker;
	}

	@BeforeAll
	void setUp() {
		this.broker.addServerAccount("sunboard/v1", SERVER_USER, SERVER_PASSWORD);
		this.chromium = HeadlessChromium.start();
	}

	@AfterAll
	void tearDown() {
		this.chromium.close();
	}

	@Test
	void postingReachesTheScreenItsPlayIsCountedAndWithdrawingTakesItDown(@TempDir Path dir) {
		try (RunningServer server = startServer(dir.resolve("server"))) {
			String secret = FaultFixture.seedScreen(server, "e2e-lobby");
			String title = "2026年秋季学期收费公示 E2E";
			String postingId = createScheduledPosting(server, title);

			try (KioskClient kiosk = KioskClient
				.start(kioskConfig(server, "e2e-lobby", secret, dir.resolve("kiosk")))) {
				WebDriver browser = this.chromium.driver();
				browser.get(kiosk.playerUrl().toString());
				await().atMost(Duration.ofSeconds(60)).until(() -> bodyText(browser).contains(title));
				this.chromium.screenshot("walking-skeleton-1-posting-on-screen");

				await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
					RunningServer.Response proof = server.get("/api/v1/postings/" + postingId + "/proof-of-play");
					assertThat(proof.json().get("plays").asLong()).isGreaterThanOrEqualTo(1);
					assertThat(proof.json().get("screens").asInt()).isEqualTo(1);
					assertThat(proof.json().get("byScreen").get(0).get("deviceId").asString()).isEqualTo("e2e-lobby");
				});

				assertThat(server.post("/api/v1/postings/" + postingId + "/withdraw", "{}").status()).isEqualTo(200);
				await().atMost(Duration.ofSeconds(60)).until(() -> !bodyText(browser).contains(title));
				this.chromium.screenshot("walking-skeleton-2-withdrawn");
				assertThat(bodyText(browser)).isNotBlank();
			}
		}
	}

	@Test
	void aSmallNoticeTravelsInItsManifestAndALargeOneIsDownloaded(@TempDir Path dir) {
		try (RunningServer server = startServer(dir.resolve("server"))) {
			String secret = FaultFixture.seedScreen(server, "e2e-carried");
			String first = "2026年秋季学期收费公示 E2E";
			createScheduledPosting(server, first);
			try (KioskClient kiosk = KioskClient
				.start(kioskConfig(server, "e2e-carried", secret, dir.resolve("kiosk")))) {
				WebDriver browser = this.chromium.driver();
				browser.get(kiosk.playerUrl().toString());
				await().atMost(Duration.ofSeconds(60)).until(() -> bodyText(browser).contains(first));
				double downloaded = contentServed(server);

				// new to the school since its last dispatch, and small: it travels in the
				// manifest, so the screen shows it without asking for it
				String small = "关于冬季作息时间调整的通知 E2E";
				createScheduledPosting(server, small, "自12月1日起，上午8:00上课，下午14:30上课。\n咨询电话：0595-22281234");
				await().atMost(Duration.ofSeconds(60)).until(() -> bodyText(browser).contains(small));
				assertThat(contentServed(server)).as("downloads for the carried notice").isEqualTo(downloaded);

				// over the size carried: fetched over HTTP as before
				String large = "2027年春季学期办事指南 E2E";
				createScheduledPosting(server, large, "办理学籍证明请携带户口簿原件。".repeat(300));
				await().atMost(Duration.ofSeconds(60)).until(() -> bodyText(browser).contains(large));
				assertThat(contentServed(server)).as("downloads for the large notice").isEqualTo(downloaded + 1);
			}
		}
	}

	private static double contentServed(RunningServer server) {
		return server.get("/actuator/metrics/sunboard.device.content.requests?tag=outcome:served")
			.json()
			.get("measurements")
			.get(0)
			.get("value")
			.asDouble();
	}

	@Test
	void restartedKioskShowsTheCachedPostingWhileServerAndBrokerAreDown(@TempDir Path dir) {
		RunningServer server = startServer(dir.resolve("server"));
		String title = "关于2027年寒假放假安排的通知 E2E";
		Path kioskData = dir.resolve("kiosk");
		KioskConfig config;
		try {
			String secret = FaultFixture.seedScreen(server, "e2e-offline");
			createScheduledPosting(server, title);
			config = kioskConfig(server, "e2e-offline", secret, kioskData);
			try (KioskClient kiosk = KioskClient.start(config)) {
				await().atMost(Duration.ofSeconds(60)).until(() -> kiosk.appliedManifestVersion() >= 1);
			}
		}
		finally {
			server.stop();
		}
		this.broker.stop();
		try (KioskClient kiosk = KioskClient.start(config)) {
			WebDriver browser = this.chromium.driver();
			browser.get(kiosk.playerUrl().toString());
			await().atMost(Duration.ofSeconds(30)).until(() -> bodyText(browser).contains(title));
			this.chromium.screenshot("walking-skeleton-3-offline-from-cache");
			assertThat(kiosk.isConnected()).isFalse();
		}
		finally {
			this.broker.start();
		}
	}

	private RunningServer startServer(Path dataDir) {
		return RunningServer.external(dataDir, this.broker, SERVER_USER, SERVER_PASSWORD).start();
	}

	private static String createScheduledPosting(RunningServer server, String title) {
		return createScheduledPosting(server, title, "作业本费：每生每学期 18 元。\n投诉电话：0595-22281234");
	}

	private static String createScheduledPosting(RunningServer server, String title, String body) {
		Instant now = Instant.now();
		String id = server
			.createApprovedPosting(Map.of("schoolId", "shiyan", "title", title, "body", body, "publicityStart",
					now.minusSeconds(60).toString(), "publicityEnd", now.plus(Duration.ofDays(10)).toString()));
		RunningServer.Response entry = server.post("/api/v1/postings/" + id + "/schedule",
				Map.of("startsAt", now.minusSeconds(60).toString(), "endsAt", now.plus(Duration.ofDays(10)).toString(),
						"durationSeconds", 2));
		assertThat(entry.status()).isEqualTo(201);
		return id;
	}

	private KioskConfig kioskConfig(RunningServer server, String deviceId, String secret, Path dataDir) {
		return FaultFixture.kioskConfig(deviceId, secret, this.broker.url(), server.url(), dataDir);
	}

	private static String bodyText(WebDriver browser) {
		return browser.findElement(By.tagName("body")).getText();
	}

}
