package io.sunboard.server;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
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
 * The console walk-through on real parts: a school editor drafts a fee notice (its table
 * imported from CSV) and submits it, a reviewer approves it, the editor schedules it on
 * the lobby screen, and the running kiosk client shows it. Real Mosquitto, real server,
 * real kiosk client, headless Chromium at a laptop's size; a screenshot per step.
 */
@ExtendWith(MosquittoExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(400)
class ConsoleWalkthroughIT {

	private static final String SERVER_USER = "sunboard-server";

	private static final String SERVER_PASSWORD = "server-secret-for-tests";

	private static final String PASSWORD = "walkthrough-password-1";

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	private final MosquittoBroker broker;

	private HeadlessChromium chromium;

	ConsoleWalkthroughIT(MosquittoBroker broker) {
		this.broker = broker;
	}

	@BeforeAll
	void setUp() {
		this.broker.addServerAccount("sunboard/v1", SERVER_USER, SERVER_PASSWORD);
		this.chromium = HeadlessChromium.start(1366, 900);
	}

	@AfterAll
	void tearDown() {
		this.chromium.close();
	}

	@Test
	void editorDraftsReviewerApprovesEditorSchedulesAndTheLobbyScreenShowsIt(@TempDir Path dir) throws Exception {
		try (RunningServer server = startServer(dir.resolve("server"))) {
			String secret = seedSchool(server, "lobby-1");
			ConsoleBrowser console = new ConsoleBrowser(this.chromium, server.url());
			String title = "2026年秋季学期收费公示（控制台）";

			// 1. the school editor drafts a fee notice
			console.signIn("shiyan-editor", PASSWORD);
			console.open("/console/postings/new?schoolId=shiyan&kind=fee-notice");
			console.type("#title", title);
			Instant now = Instant.now();
			console.set("#publicityStart", local(now.minus(Duration.ofHours(1))));
			console.set("#publicityEnd", local(now.plus(Duration.ofDays(365))));
			console.type("#body", "根据上级批准的收费项目和标准，现将本学期收费情况公示如下。");
			console.type("#field-basisAuthority", "泉州市发展和改革委员会");
			console.type("#field-basisDocument", "泉发改收费〔2024〕12号");
			console.type("#field-reductionPolicy", "家庭经济困难学生可申请减免。");
			console.type("#field-complaintPhone", "0595-22281234");
			console.type("#field-reportPhone", "0595-12345");

			// a CSV with a short line is refused with its line number; the fixed file
			// imports
			Path bad = dir.resolve("bad.csv");
			Files.writeString(bad, "收费项目,收费标准,计费单位,收费范围\n作业本费,18 元/生·学期,按学期,全体学生\n课后服务费,150 元/生·月\n",
					StandardCharsets.UTF_8);
			console.driver().findElement(By.name("csv-items")).sendKeys(bad.toString());
			console.click("button[value='import:items']");
			await().atMost(Duration.ofSeconds(20)).until(() -> console.present("#table-errors-items"));
			assertThat(console.text("#table-errors-items")).contains("3");
			assertThat(console.driver().findElement(By.id("title")).getAttribute("value")).isEqualTo(title);
			console.screenshot("console-1-csv-line-error");
			Path good = dir.resolve("good.csv");
			Files.writeString(good, "收费项目,收费标准,计费单位,收费范围\n作业本费,18 元/生·学期,按学期,全体学生\n课后服务费,150 元/生·月,按月,自愿参加的学生\n",
					StandardCharsets.UTF_8);
			console.driver().findElement(By.name("csv-items")).sendKeys(good.toString());
			console.click("button[value='import:items']");
			await().atMost(Duration.ofSeconds(20)).until(() -> console.present("#notice"));
			assertThat(console.driver().findElement(By.id("table-text-items")).getAttribute("value")).contains("课后服务费");

			// the live preview is the screens' own template, in each profile
			for (String profile : List.of("landscape", "portrait", "kiosk")) {
				await().atMost(Duration.ofSeconds(20))
					.until(() -> previewText(console.driver(), profile).contains(title));
			}
			assertThat(previewText(console.driver(), "landscape")).contains("课后服务费", "0595-22281234");
			console.screenshot("console-2-fee-notice-draft-with-preview");

			console.click("#save-submit");
			await().atMost(Duration.ofSeconds(20)).until(() -> console.present("#posting-status"));
			assertThat(console.driver().getCurrentUrl()).contains("/console/postings/p-");
			String postingId = console.driver().getCurrentUrl().replaceAll(".*/console/postings/([^/?#]+).*", "$1");
			assertThat(server.get("/api/v1/postings/" + postingId).json().get("status").asString())
				.isEqualTo("IN_REVIEW");
			console.screenshot("console-3-submitted");
			console.signOut();

			// 2. the reviewer approves it
			console.signIn("shiyan-reviewer", PASSWORD);
			console.open("/console/review");
			assertThat(console.text("#review-queue")).contains(title);
			console.click("tr[data-posting='" + postingId + "'] a.button");
			console.type("#basis", "《学校保密审查制度》");
			console.type("#conclusion", "不涉密，同意公开");
			console.screenshot("console-4-review-form");
			console.click("#review-submit");
			await().atMost(Duration.ofSeconds(20)).until(() -> console.present("#notice"));
			assertThat(server.get("/api/v1/postings/" + postingId).json().get("status").asString())
				.isEqualTo("APPROVED");
			console.screenshot("console-5-approved");
			console.signOut();

			// 3. the editor schedules it on the lobby screen
			console.signIn("shiyan-editor", PASSWORD);
			console.open("/console/postings/" + postingId);
			new org.openqa.selenium.support.ui.Select(console.driver().findElement(By.id("target-type")))
				.selectByValue("SCREEN");
			console.type("#target-id", "lobby-1");
			console.set("#schedule-form input[name=durationSeconds]", "3");
			console.click("#schedule-submit");
			await().atMost(Duration.ofSeconds(20)).until(() -> console.present("#schedule-entries tr[data-entry]"));
			assertThat(console.text("#schedule-entries")).contains("lobby-1");
			console.screenshot("console-6-scheduled");

			// the timeline and now-showing come from the manifest the screen was sent
			await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
				console.open("/console/schedule?device=lobby-1");
				assertThat(console.text(".timeline[data-device='lobby-1'] .now-showing")).contains(title);
			});
			assertThat(console.present(".timeline .slot-showing")).isTrue();
			console.screenshot("console-7-timeline");

			// 4. the running kiosk client shows it
			try (KioskClient kiosk = KioskClient.start(kioskConfig(server, secret, dir.resolve("kiosk")))) {
				WebDriver browser = console.driver();
				browser.get(kiosk.playerUrl().toString());
				await().atMost(Duration.ofSeconds(90)).until(() -> console.bodyText().contains(title));
				console.screenshot("console-8-lobby-screen-shows-it");
			}
		}
	}

	@Test
	void theAuthorOfAFeeNoticeCannotApproveItInTheConsole(@TempDir Path dir) {
		try (RunningServer server = startServer(dir.resolve("server"))) {
			seedSchool(server, "lobby-2");
			Instant now = Instant.now();
			RunningServer.Response created = server.post("/api/v1/postings", feeNotice("本校收费公示（自审）", now));
			assertThat(created.status()).as(created.body()).isEqualTo(201);
			String id = created.json().get("id").asString();
			assertThat(server.post("/api/v1/postings/" + id + "/submit", "{}").status()).isEqualTo(200);

			ConsoleBrowser console = new ConsoleBrowser(this.chromium, server.url());
			console.signIn("admin", RunningServer.ADMIN_PASSWORD);
			console.open("/console/review/" + id);
			assertThat(console.present("#own-warning")).isTrue();
			console.type("#basis", "保密审查制度");
			console.type("#conclusion", "同意公开");
			console.click("#review-submit");
			await().atMost(Duration.ofSeconds(20)).until(() -> console.present("#error.refused"));
			assertThat(console.text("#error")).contains("不能批准本人起草的高风险信息");
			console.screenshot("console-9-author-cannot-approve-own-fee-notice");
			assertThat(server.get("/api/v1/postings/" + id).json().get("status").asString()).isEqualTo("IN_REVIEW");
			console.signOut();
		}
	}

	@Test
	void consolePagesFitATabletAndSwitchToEnglish(@TempDir Path dir) {
		try (RunningServer server = startServer(dir.resolve("server"));
				HeadlessChromium tablet = HeadlessChromium.start(1024, 768)) {
			seedSchool(server, "lobby-3");
			ConsoleBrowser console = new ConsoleBrowser(tablet, server.url());
			console.signIn("admin", RunningServer.ADMIN_PASSWORD);
			for (String page : List.of("/", "/console/postings",
					"/console/postings/new?schoolId=shiyan&kind=fee-notice", "/console/review", "/console/schedule",
					"/console/devices", "/console/devices/lobby-3", "/console/audit", "/console/alerts")) {
				console.open(page);
				assertThat(console.present(".console-nav")).as(page).isTrue();
				assertThat(console.horizontalOverflow()).as("sideways scrolling on " + page + " at 1024x768")
					.isLessThanOrEqualTo(0);
			}
			console.open("/console/postings/new?schoolId=shiyan&kind=fee-notice");
			tablet.screenshot("console-10-editor-at-1024x768");
			assertThat(console.text(".console-nav")).contains("公开信息");
			console.click("a.lang[hreflang='en']");
			await().atMost(Duration.ofSeconds(20)).until(() -> console.text(".console-nav").contains("Postings"));
			console.open("/console/devices");
			assertThat(console.text("h1")).isEqualTo("Screens");
			// the browser asks for a favicon the console does not have; nothing else may
			// fail
			assertThat(tablet.consoleErrors()).allMatch((error) -> error.contains("favicon.ico"));
		}
	}

	private static String previewText(WebDriver driver, String profile) {
		try {
			driver.switchTo().frame("preview-" + profile);
			return driver.findElement(By.tagName("body")).getText();
		}
		catch (RuntimeException ex) {
			return "";
		}
		finally {
			driver.switchTo().defaultContent();
		}
	}

	private static String local(Instant instant) {
		return LOCAL.format(LocalDateTime.ofInstant(instant, ZONE));
	}

	private RunningServer startServer(Path dataDir) {
		return RunningServer.external(dataDir, this.broker, SERVER_USER, SERVER_PASSWORD).start();
	}

	/**
	 * The school, its lobby screen (returns its secret), its editor and reviewer. Screen
	 * ids differ between tests: the broker outlives each test's server.
	 */
	private static String seedSchool(RunningServer server, String deviceId) {
		String secret = FaultFixture.seedScreen(server, deviceId);
		for (String[] account : List.of(new String[] { "shiyan-editor", "SCHOOL_EDITOR" },
				new String[] { "shiyan-reviewer", "REVIEWER" })) {
			assertThat(server
				.post("/api/v1/accounts", Map.of("username", account[0], "password", PASSWORD, "role", account[1],
						"scopeType", "SCHOOL", "scopeId", "shiyan"))
				.status()).isEqualTo(201);
		}
		return secret;
	}

	private static Map<String, Object> feeNotice(String title, Instant now) {
		return Map.of("schoolId", "shiyan", "kind", "fee-notice", "title", title, "publicityStart",
				now.minus(Duration.ofHours(1)).toString(), "publicityEnd", now.plus(Duration.ofDays(365)).toString(),
				"fields",
				Map.of("basisAuthority", "泉州市发展和改革委员会", "basisDocument", "泉发改收费〔2024〕12号", "reductionPolicy",
						"困难学生可申请减免。", "complaintPhone", "0595-22281234", "reportPhone", "0595-12345"),
				"tables", List.of(Map.of("name", "items", "columns", List.of("收费项目", "收费标准", "计费单位", "收费范围"), "rows",
						List.of(List.of("作业本费", "18 元/生·学期", "按学期", "全体学生")))));
	}

	private KioskConfig kioskConfig(RunningServer server, String secret, Path dataDir) {
		return FaultFixture.kioskConfig("lobby-1", secret, this.broker.url(), server.url(), dataDir);
	}

}
