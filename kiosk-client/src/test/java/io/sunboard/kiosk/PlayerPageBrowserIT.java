package io.sunboard.kiosk;

import io.sunboard.testsupport.MutableClock;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import io.sunboard.protocol.ContentTable;
import io.sunboard.protocol.PostingContent;
import io.sunboard.testsupport.FreePorts;
import io.sunboard.testsupport.HeadlessChromium;

import static io.sunboard.kiosk.Fixtures.T0;
import static io.sunboard.kiosk.Fixtures.always;
import static io.sunboard.kiosk.Fixtures.item;
import static io.sunboard.kiosk.Fixtures.window;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The player page in a real browser: it works under the strict CSP and swaps postings.
 */
@Timeout(90)
class PlayerPageBrowserIT {

	@TempDir
	Path dataDir;

	@Test
	void pageShowsThePostingAndSwapsToTheNextWhenItsPeriodEnds() throws IOException {
		PostingContent fees = Fixtures.content("fees", "2026年秋季学期收费公示");
		PostingContent awards = Fixtures.content("awards", "三好学生评选结果公示");
		Files.createDirectories(this.dataDir.resolve("content"));
		for (PostingContent content : new PostingContent[] { fees, awards }) {
			Files.write(this.dataDir.resolve("content").resolve(Fixtures.sha(content)), Fixtures.bytes(content));
		}
		Files.write(this.dataDir.resolve("manifest.json"), Fixtures.CODEC.encode(Fixtures.manifest("lobby-01", 1,
				item(fees, 600, window(T0, T0.plusSeconds(60))), item(awards, 600, always()))));
		MutableClock clock = new MutableClock(T0);
		KioskConfig config = Fixtures.config(this.dataDir, "tcp://127.0.0.1:" + FreePorts.find(),
				"http://127.0.0.1:" + FreePorts.find());

		try (KioskClient client = KioskClient.start(config, clock);
				HeadlessChromium chromium = HeadlessChromium.start()) {
			WebDriver driver = chromium.driver();
			driver.get(client.playerUrl().toString());

			await().atMost(Duration.ofSeconds(15))
				.untilAsserted(() -> assertThat(visibleText(driver)).contains("2026年秋季学期收费公示", "公示期"));
			chromium.screenshot("kiosk-player-fees");

			clock.advance(Duration.ofSeconds(60));

			await().atMost(Duration.ofSeconds(15))
				.untilAsserted(() -> assertThat(visibleText(driver)).contains("三好学生评选结果公示").doesNotContain("收费公示"));
			chromium.screenshot("kiosk-player-awards");
			assertThat(driver.findElements(By.cssSelector(".buffer:not([hidden]) article.posting"))).hasSize(1);
			assertThat(chromium.consoleErrors()).as("CSP violations and script errors").isEmpty();
		}
	}

	@Test
	void longTablesTurnTheirPagesOnTheScreenUnderTheStrictCsp() throws IOException {
		List<List<String>> rows = new ArrayList<>();
		for (int i = 1; i <= 20; i++) {
			rows.add(List.of("学生" + i, "2026" + i, "一年级（1）班", "已录取"));
		}
		PostingContent admission = new PostingContent(PostingContent.SCHEMA, "admission", "admission",
				"2026年一年级新生录取结果公示", null, T0, T0.plus(Duration.ofDays(20)), "第一实验小学", "Asia/Shanghai",
				Map.of("policySummary", "划片招生", "plan", "6 个班", "appealPhone", "0595-22345600", "appealAddress",
						"学府路 1 号", "appealEmail", "zsb@example.edu.cn"),
				List.of(new ContentTable("results", List.of("姓名", "录取编号", "录取学校", "状态"), rows)));
		Files.createDirectories(this.dataDir.resolve("content"));
		Files.write(this.dataDir.resolve("content").resolve(Fixtures.sha(admission)), Fixtures.bytes(admission));
		Files.write(this.dataDir.resolve("manifest.json"),
				Fixtures.CODEC.encode(Fixtures.manifest("lobby-01", 1, item(admission, 600, always()))));
		KioskConfig config = Fixtures.config(this.dataDir, "tcp://127.0.0.1:" + FreePorts.find(),
				"http://127.0.0.1:" + FreePorts.find());

		try (KioskClient client = KioskClient.start(config, new MutableClock(T0));
				HeadlessChromium chromium = HeadlessChromium.start()) {
			WebDriver driver = chromium.driver();
			driver.get(client.playerUrl().toString());

			await().atMost(Duration.ofSeconds(15))
				.untilAsserted(() -> assertThat(visibleText(driver)).contains("学*1", "第 1 / 4 页"));
			chromium.screenshot("kiosk-player-table-page-1");
			// Pages turn every 8 seconds.
			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(
						() -> assertThat(visibleText(driver)).contains("学*7", "第 2 / 4 页").doesNotContain("第 1 / 4 页"));
			chromium.screenshot("kiosk-player-table-page-2");
			assertThat(chromium.consoleErrors()).as("CSP violations and script errors").isEmpty();
		}
	}

	private static String visibleText(WebDriver driver) {
		return driver.findElement(By.tagName("body")).getText();
	}

}
