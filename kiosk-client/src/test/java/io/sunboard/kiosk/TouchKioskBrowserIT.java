package io.sunboard.kiosk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import io.sunboard.protocol.DeviceEvent;
import io.sunboard.protocol.EventType;
import io.sunboard.protocol.MalformedMessageException;
import io.sunboard.protocol.PostingContent;
import io.sunboard.testsupport.FreePorts;
import io.sunboard.testsupport.HeadlessChromium;

import static io.sunboard.kiosk.Fixtures.always;
import static io.sunboard.kiosk.Fixtures.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A visitor at a touch kiosk, in a real browser under the strict CSP: opens a posting,
 * rates it, leaves feedback; every step lands in the journal, and once sent nothing the
 * visitor typed stays on screen.
 */
@Timeout(120)
class TouchKioskBrowserIT {

	@TempDir
	Path dataDir;

	@Test
	void idleKioskForgetsAHalfWrittenFeedbackAndRecordsHowLongThePostingWasOpen() throws IOException {
		Properties properties = kiosk();
		properties.setProperty("touch.idle-seconds", "2");
		try (KioskClient client = KioskClient.start(KioskConfig.from(properties));
				HeadlessChromium chromium = HeadlessChromium.start()) {
			WebDriver driver = chromium.driver();
			driver.get(client.playerUrl().toString());
			await().atMost(Duration.ofSeconds(15)).until(() -> visibleText(driver).contains("浏览公示"));
			driver.findElement(By.cssSelector(".sb-touch-menu")).click();
			await().atMost(Duration.ofSeconds(10))
				.until(() -> !driver.findElements(By.cssSelector(".sb-touch-item")).isEmpty());
			driver.findElement(By.cssSelector(".sb-touch-item")).click();
			await().atMost(Duration.ofSeconds(10))
				.until(() -> !driver.findElements(By.cssSelector(".sb-touch-feedback-open")).isEmpty());
			driver.findElement(By.cssSelector(".sb-touch-feedback-open")).click();
			await().atMost(Duration.ofSeconds(10))
				.until(() -> !driver.findElements(By.cssSelector(".sb-touch-text")).isEmpty());
			driver.findElement(By.cssSelector(".sb-touch-text")).sendKeys("写了一半的投诉");

			// The visitor walks away: the screen returns to the playlist on its own.
			await().atMost(Duration.ofSeconds(15))
				.until(() -> driver.findElement(By.cssSelector(".sb-touch-panel")).getAttribute("hidden") != null);
			assertThat(driver.getPageSource()).doesNotContain("写了一半的投诉");
			assertThat(visibleText(driver)).contains("2026年秋季学期收费公示");
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(journal()).extracting(DeviceEvent::type)
					.contains(EventType.INTERACTION)
					.doesNotContain(EventType.FEEDBACK));
			assertThat(chromium.consoleErrors()).as("CSP violations and script errors").isEmpty();
		}
	}

	private Properties kiosk() throws IOException {
		PostingContent fees = Fixtures.content("fees", "2026年秋季学期收费公示");
		Files.createDirectories(this.dataDir.resolve("content"));
		Files.write(this.dataDir.resolve("content").resolve(Fixtures.sha(fees)), Fixtures.bytes(fees));
		Files.write(this.dataDir.resolve("manifest.json"),
				Fixtures.CODEC.encode(Fixtures.manifest("lobby-01", 1, item(fees, 600, always()))));
		Properties properties = Fixtures.properties(this.dataDir);
		properties.setProperty("broker.url", "tcp://127.0.0.1:" + FreePorts.find());
		properties.setProperty("server.url", "http://127.0.0.1:" + FreePorts.find());
		properties.setProperty("player.port", "0");
		properties.setProperty("screen.profile", "kiosk");
		properties.setProperty("screenshot.command", "");
		return properties;
	}

	@Test
	void visitorOpensRatesAndLeavesFeedbackAndNothingPersonalStaysOnScreen() throws IOException {
		Properties properties = kiosk();
		try (KioskClient client = KioskClient.start(KioskConfig.from(properties));
				HeadlessChromium chromium = HeadlessChromium.start()) {
			WebDriver driver = chromium.driver();
			driver.get(client.playerUrl().toString());
			await().atMost(Duration.ofSeconds(15)).until(() -> visibleText(driver).contains("浏览公示"));

			driver.findElement(By.cssSelector(".sb-touch-menu")).click();
			await().atMost(Duration.ofSeconds(10))
				.until(() -> !driver.findElements(By.cssSelector(".sb-touch-item")).isEmpty());
			driver.findElement(By.cssSelector(".sb-touch-item")).click();
			await().atMost(Duration.ofSeconds(10))
				.until(() -> !driver.findElements(By.cssSelector(".sb-touch-yes")).isEmpty());
			assertThat(visibleText(driver)).contains("这条信息对您有帮助吗？");
			driver.findElement(By.cssSelector(".sb-touch-yes")).click();
			await().atMost(Duration.ofSeconds(10)).until(() -> visibleText(driver).contains("感谢您的评价"));
			chromium.screenshot("touch-kiosk-posting-rated");

			driver.findElement(By.cssSelector(".sb-touch-feedback-open")).click();
			await().atMost(Duration.ofSeconds(10))
				.until(() -> !driver.findElements(By.cssSelector(".sb-touch-text")).isEmpty());
			driver.findElement(By.cssSelector(".sb-touch-text")).sendKeys("收费项目里的作业本费怎么算？");
			driver.findElement(By.cssSelector(".sb-touch-contact")).sendKeys("13800138000");
			chromium.screenshot("touch-kiosk-feedback-form");
			driver.findElement(By.cssSelector(".sb-touch-submit")).click();

			await().atMost(Duration.ofSeconds(10)).until(() -> visibleText(driver).contains("已收到"));
			assertThat(driver.getPageSource()).doesNotContain("作业本费怎么算").doesNotContain("13800138000");
			// After the thanks the screen goes back to the playlist by itself.
			await().atMost(Duration.ofSeconds(15))
				.until(() -> driver.findElement(By.cssSelector(".sb-touch-panel")).getAttribute("hidden") != null);

			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(journal()).extracting(DeviceEvent::type)
					.contains(EventType.INTERACTION, EventType.RATING, EventType.FEEDBACK));
			DeviceEvent feedback = journal().stream()
				.filter((e) -> e.type() == EventType.FEEDBACK)
				.findFirst()
				.orElseThrow();
			assertThat(feedback.category()).isEqualTo("consultation");
			assertThat(feedback.text()).isEqualTo("收费项目里的作业本费怎么算？");
			assertThat(feedback.contact()).isEqualTo("13800138000");
			assertThat(feedback.postingId()).isEqualTo("fees");
			assertThat(chromium.consoleErrors()).as("CSP violations and script errors").isEmpty();
		}
	}

	private List<DeviceEvent> journal() {
		try (Stream<Path> files = Files.list(this.dataDir.resolve("journal"))) {
			return files.filter((f) -> f.getFileName().toString().endsWith(".json")).sorted().map((f) -> {
				try {
					return Fixtures.CODEC.decode(Files.readAllBytes(f), DeviceEvent.class);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
				catch (MalformedMessageException ex) {
					throw new AssertionError(ex);
				}
			}).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String visibleText(WebDriver driver) {
		return driver.findElement(By.tagName("body")).getText();
	}

}
