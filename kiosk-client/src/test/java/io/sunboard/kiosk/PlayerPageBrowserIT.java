package io.sunboard.kiosk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

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

	private static String visibleText(WebDriver driver) {
		return driver.findElement(By.tagName("body")).getText();
	}

}
