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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import io.sunboard.protocol.Attachment;
import io.sunboard.protocol.DeviceEvent;
import io.sunboard.protocol.EventType;
import io.sunboard.protocol.MalformedMessageException;
import io.sunboard.protocol.PostingContent;
import io.sunboard.protocol.Sha256;
import io.sunboard.testsupport.FreePorts;
import io.sunboard.testsupport.HeadlessChromium;
import io.sunboard.testsupport.MutableClock;

import static io.sunboard.kiosk.Fixtures.T0;
import static io.sunboard.kiosk.Fixtures.always;
import static io.sunboard.kiosk.Fixtures.item;
import static io.sunboard.kiosk.Fixtures.window;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A visitor at a touch kiosk, in a real browser under the strict CSP: the playlist plays
 * until a touch opens the home screen; categories, lists, search, a posting in full with
 * its table pages, attachments and QR code, three languages, the idle warning; rating and
 * feedback land in the journal, and once the visitor leaves nothing stays on screen.
 * Screenshots go to {@code target/screenshots/touch-*.png}.
 */
@Timeout(180)
class TouchKioskBrowserIT {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@TempDir
	Path dataDir;

	private final MutableClock clock = new MutableClock(T0);

	private final byte[] photo = Fixtures.png();

	private final byte[] pdf = Fixtures.pdf();

	@Test
	void visitorGoesFromThePlaylistToHomeCategoryAndDetailAndBackWithTouchSizedTargets() throws IOException {
		try (KioskClient client = KioskClient.start(KioskConfig.from(kiosk(60)), this.clock);
				HeadlessChromium chromium = HeadlessChromium.start()) {
			WebDriver driver = chromium.driver();
			driver.get(client.playerUrl().toString());
			// Attract mode: the playlist plays, a hint invites a touch.
			await().atMost(WAIT).until(() -> visibleText(driver).contains("轻触屏幕，浏览公示"));
			assertThat(driver.findElements(By.cssSelector(".buffer:not([hidden]) article.posting"))).hasSize(1);
			assertThat(driver.findElement(By.cssSelector(".sb-touch-panel")).isDisplayed()).isFalse();
			chromium.screenshot("touch-attract");

			driver.findElement(By.cssSelector("main.screen")).click();
			await().atMost(WAIT).until(() -> driver.findElements(By.cssSelector(".sb-touch-category")).size() == 2);
			assertThat(texts(driver, ".sb-touch-category")).containsExactly("招生录取\n共 1 条", "通知公告\n共 2 条");
			assertThat(heading(driver)).isEqualTo("校务公开");
			assertTouchSized(driver);
			chromium.screenshot("touch-home");

			click(driver, ".sb-touch-category[data-kind=admission]");
			await().atMost(WAIT).until(() -> driver.findElements(By.cssSelector(".sb-touch-item")).size() == 1);
			assertThat(heading(driver)).isEqualTo("招生录取");
			assertThat(visibleText(driver)).contains("2026年一年级新生录取结果公示", "公示至 2026-09-21");
			chromium.screenshot("touch-list");

			click(driver, ".sb-touch-item");
			await().atMost(WAIT)
				.until(() -> !driver.findElements(By.cssSelector(".sb-touch-posting article.posting")).isEmpty());
			WebElement pager = driver.findElement(By.cssSelector(".sb-touch-posting .table-pager"));
			assertThat(visiblePage(pager)).isEqualTo("1");
			assertThat(driver.findElement(By.cssSelector(".sb-touch-page-previous")).isEnabled()).isFalse();
			assertThat(visibleText(driver)).contains("公示期", "申诉渠道", "0595-22281234").doesNotContain("张小明");
			assertThat(driver.findElement(By.cssSelector(".sb-touch-posting .posting-qr img")).getAttribute("src"))
				.startsWith("data:image/svg+xml");
			assertTouchSized(driver);
			chromium.screenshot("touch-detail");

			click(driver, ".sb-touch-page-next");
			await().atMost(WAIT).until(() -> "2".equals(visiblePage(pager)));
			click(driver, ".sb-touch-page-next");
			await().atMost(WAIT).until(() -> "3".equals(visiblePage(pager)));
			click(driver, ".sb-touch-page-previous");
			await().atMost(WAIT).until(() -> "2".equals(visiblePage(pager)));
			chromium.screenshot("touch-detail-page-2");
			// Touch pages by hand: the playlist's timer does not turn them.
			await().during(Duration.ofSeconds(9))
				.atMost(Duration.ofSeconds(12))
				.until(() -> "2".equals(visiblePage(pager)));
			assertThat(driver.findElements(By.cssSelector("a[download], a[href$='.csv'], a[href*='export']")))
				.as("no full-list download on a kiosk")
				.isEmpty();

			click(driver, ".sb-touch-back");
			await().atMost(WAIT).until(() -> driver.findElements(By.cssSelector(".sb-touch-item")).size() == 1);
			click(driver, ".sb-touch-back");
			await().atMost(WAIT).until(() -> driver.findElements(By.cssSelector(".sb-touch-category")).size() == 2);
			click(driver, ".sb-touch-close");
			await().atMost(WAIT).until(() -> !driver.findElement(By.cssSelector(".sb-touch-panel")).isDisplayed());
			await().atMost(WAIT)
				.untilAsserted(
						() -> assertThat(journal()).extracting(DeviceEvent::type).contains(EventType.INTERACTION));
			assertThat(chromium.consoleErrors()).as("CSP violations and script errors").isEmpty();
		}
	}

	@Test
	void searchFindsAPostingByAWordInItsTableAndTheLanguageSwitchChangesEveryLabel() throws IOException {
		try (KioskClient client = KioskClient.start(KioskConfig.from(kiosk(60)), this.clock);
				HeadlessChromium chromium = HeadlessChromium.start()) {
			WebDriver driver = chromium.driver();
			driver.get(client.playerUrl().toString());
			await().atMost(WAIT).until(() -> visibleText(driver).contains("轻触屏幕，浏览公示"));
			click(driver, ".sb-touch-menu");
			await().atMost(WAIT).until(() -> !driver.findElements(By.cssSelector(".sb-touch-search-text")).isEmpty());

			driver.findElement(By.cssSelector(".sb-touch-search-text")).sendKeys("bilingual");
			click(driver, ".sb-touch-search-submit");
			await().atMost(WAIT).until(() -> driver.findElements(By.cssSelector(".sb-touch-item")).size() == 1);
			assertThat(heading(driver)).isEqualTo("“bilingual”的搜索结果");
			assertThat(driver.findElement(By.cssSelector(".sb-touch-item-match")).getText())
				.contains("Bilingual Class B");
			chromium.screenshot("touch-search");
			driver.findElement(By.cssSelector(".sb-touch-search-text")).sendKeys("没有这样的词");
			click(driver, ".sb-touch-search-submit");
			await().atMost(WAIT).until(() -> visibleText(driver).contains("没有找到相关公示"));
			click(driver, ".sb-touch-back");
			await().atMost(WAIT).until(() -> driver.findElements(By.cssSelector(".sb-touch-item")).size() == 1);
			click(driver, ".sb-touch-item");
			await().atMost(WAIT)
				.until(() -> !driver.findElements(By.cssSelector(".sb-touch-posting article.posting")).isEmpty());

			click(driver, ".sb-touch-lang[data-lang=en]");
			await().atMost(WAIT)
				.until(() -> !driver.findElements(By.cssSelector(".sb-touch-posting article.posting[lang=en]"))
					.isEmpty());
			assertThat(visibleText(driver)).contains("Admission result", "Was this helpful?", "Back", "Home")
				.doesNotContain("这条信息对您有帮助吗？", "返回");
			chromium.screenshot("touch-detail-en");
			assertThat(journal()).as("the same posting in another language is still one visit")
				.extracting(DeviceEvent::type)
				.doesNotContain(EventType.INTERACTION);
			click(driver, ".sb-touch-home");
			await().atMost(WAIT).until(() -> "School disclosure".equals(heading(driver)));
			await().atMost(WAIT)
				.untilAsserted(() -> assertThat(journal()).extracting(DeviceEvent::type)
					.containsOnlyOnce(EventType.INTERACTION));
			assertThat(texts(driver, ".sb-touch-category")).containsExactly("Admission result\nNotices: 1",
					"Notice\nNotices: 2");
			chromium.screenshot("touch-home-en");

			click(driver, ".sb-touch-lang[data-lang=zh-TW]");
			await().atMost(WAIT).until(() -> "校務公開".equals(heading(driver)));
			assertThat(texts(driver, ".sb-touch-category")).containsExactly("招生錄取\n共 1 條", "通知公告\n共 2 條");
			assertThat(driver.findElement(By.cssSelector(".sb-touch-search-text")).getAttribute("placeholder"))
				.isEqualTo("輸入關鍵詞，如姓名、收費項目");
			chromium.screenshot("touch-home-zh-tw");
			assertThat(chromium.consoleErrors()).as("CSP violations and script errors").isEmpty();
		}
	}

	@Test
	void idleWarningCountsDownATapStaysThenTheKioskReturnsToThePlaylistInItsOwnLanguage() throws IOException {
		try (KioskClient client = KioskClient.start(KioskConfig.from(kiosk(8)), this.clock);
				HeadlessChromium chromium = HeadlessChromium.start()) {
			WebDriver driver = chromium.driver();
			driver.get(client.playerUrl().toString());
			await().atMost(WAIT).until(() -> visibleText(driver).contains("轻触屏幕，浏览公示"));
			click(driver, ".sb-touch-menu");
			await().atMost(WAIT).until(() -> "校务公开".equals(heading(driver)));
			click(driver, ".sb-touch-lang[data-lang=en]");
			await().atMost(WAIT).until(() -> "School disclosure".equals(heading(driver)));

			// 8 s idle: the warning comes after 4 s and counts the last 4 down.
			await().atMost(WAIT).until(() -> driver.findElement(By.cssSelector(".sb-touch-warning")).isDisplayed());
			assertThat(driver.findElement(By.cssSelector(".sb-touch-warning-text")).getText())
				.matches("Returning to the start in [1-4] s; touch the screen to stay");
			assertTouchSized(driver);
			chromium.screenshot("touch-idle-warning");
			click(driver, ".sb-touch-stay");
			assertThat(driver.findElement(By.cssSelector(".sb-touch-warning")).isDisplayed()).isFalse();
			assertThat(driver.findElement(By.cssSelector(".sb-touch-panel")).isDisplayed()).isTrue();

			await().atMost(WAIT).until(() -> driver.findElement(By.cssSelector(".sb-touch-warning")).isDisplayed());
			await().atMost(WAIT).until(() -> !driver.findElement(By.cssSelector(".sb-touch-panel")).isDisplayed());
			assertThat(driver.findElement(By.cssSelector(".sb-touch-warning")).isDisplayed()).isFalse();
			await().atMost(WAIT).until(() -> visibleText(driver).contains("轻触屏幕，浏览公示"));
			assertThat(driver.findElements(By.cssSelector(".buffer:not([hidden]) article.posting"))).hasSize(1);
			assertThat(chromium.consoleErrors()).as("CSP violations and script errors").isEmpty();
		}
	}

	@Test
	void attachmentsShowImagesInlineAndPdfsInAFrameServedByTheKiosk() throws IOException {
		try (KioskClient client = KioskClient.start(KioskConfig.from(kiosk(60)), this.clock);
				HeadlessChromium chromium = HeadlessChromium.start()) {
			WebDriver driver = chromium.driver();
			driver.get(client.playerUrl().toString());
			await().atMost(WAIT).until(() -> visibleText(driver).contains("轻触屏幕，浏览公示"));
			click(driver, ".sb-touch-menu");
			await().atMost(WAIT).until(() -> driver.findElements(By.cssSelector(".sb-touch-category")).size() == 2);
			click(driver, ".sb-touch-category[data-kind=general]");
			await().atMost(WAIT).until(() -> driver.findElements(By.cssSelector(".sb-touch-item")).size() == 2);
			click(driver, ".sb-touch-item[data-posting=notice]");
			await().atMost(WAIT).until(() -> !driver.findElements(By.cssSelector(".sb-touch-image img")).isEmpty());

			WebElement image = driver.findElement(By.cssSelector(".sb-touch-image img"));
			await().atMost(WAIT)
				.until(() -> ((Number) script(driver).executeScript("return arguments[0].naturalWidth;", image))
					.intValue() == 120);
			assertThat(image.getAttribute("alt")).isEqualTo("校门.png");
			chromium.screenshot("touch-attachments");

			click(driver, ".sb-touch-document");
			await().atMost(WAIT)
				.until(() -> !driver.findElements(By.cssSelector("iframe.sb-touch-document-frame")).isEmpty());
			String src = driver.findElement(By.cssSelector("iframe.sb-touch-document-frame")).getAttribute("src");
			assertThat(src).endsWith("/touch/attachment/" + Sha256.of(this.pdf));
			Object type = script(driver).executeAsyncScript("var done = arguments[arguments.length - 1];"
					+ "fetch(arguments[0]).then(function (r) { return r.arrayBuffer().then(function (b) {"
					+ " done(r.headers.get('content-type') + ' ' + b.byteLength); }); });", src);
			assertThat(type).isEqualTo("application/pdf " + this.pdf.length);
			assertTouchSized(driver);
			chromium.screenshot("touch-pdf");
			click(driver, ".sb-touch-back");
			await().atMost(WAIT).until(() -> !driver.findElements(By.cssSelector(".sb-touch-image img")).isEmpty());
			assertThat(chromium.consoleErrors()).as("CSP violations and script errors").isEmpty();
		}
	}

	@Test
	void postingWhosePeriodEndsWhileOfflineCannotBeListedSearchedOrOpened() throws IOException {
		try (KioskClient client = KioskClient.start(KioskConfig.from(kiosk(60)), this.clock);
				HeadlessChromium chromium = HeadlessChromium.start()) {
			WebDriver driver = chromium.driver();
			driver.get(client.playerUrl().toString());
			await().atMost(WAIT).until(() -> visibleText(driver).contains("轻触屏幕，浏览公示"));
			click(driver, ".sb-touch-menu");
			await().atMost(WAIT).until(() -> driver.findElements(By.cssSelector(".sb-touch-category")).size() == 2);
			click(driver, ".sb-touch-category[data-kind=admission]");
			await().atMost(WAIT).until(() -> driver.findElements(By.cssSelector(".sb-touch-item")).size() == 1);
			click(driver, ".sb-touch-item");
			await().atMost(WAIT)
				.until(() -> !driver.findElements(By.cssSelector(".sb-touch-posting article.posting")).isEmpty());

			// The broker and server were never reachable: the kiosk's own clock ends it.
			this.clock.advance(Duration.ofHours(1));

			click(driver, ".sb-touch-lang[data-lang=zh-TW]");
			await().atMost(WAIT).until(() -> visibleText(driver).contains("這條公示已結束公示期"));
			assertThat(driver.findElements(By.cssSelector(".sb-touch-posting"))).isEmpty();
			click(driver, ".sb-touch-back");
			await().atMost(WAIT).until(() -> visibleText(driver).contains("這一類暫無公示"));
			click(driver, ".sb-touch-home");
			await().atMost(WAIT).until(() -> driver.findElements(By.cssSelector(".sb-touch-category")).size() == 1);
			assertThat(texts(driver, ".sb-touch-category")).containsExactly("通知公告\n共 2 條");
			driver.findElement(By.cssSelector(".sb-touch-search-text")).sendKeys("bilingual");
			click(driver, ".sb-touch-search-submit");
			await().atMost(WAIT).until(() -> visibleText(driver).contains("沒有找到相關公示"));
			assertThat(client.isConnected()).isFalse();
			// The browser logs the kiosk's 404 for the ended posting; that answer is the
			// point.
			assertThat(chromium.consoleErrors())
				.filteredOn((error) -> !(error.contains("/touch/posting/admission") && error.contains("404")))
				.as("CSP violations and script errors")
				.isEmpty();
		}
	}

	@Test
	void idleKioskForgetsAHalfWrittenFeedbackAndRecordsHowLongThePostingWasOpen() throws IOException {
		try (KioskClient client = KioskClient.start(KioskConfig.from(kiosk(4)), this.clock);
				HeadlessChromium chromium = HeadlessChromium.start()) {
			WebDriver driver = chromium.driver();
			driver.get(client.playerUrl().toString());
			openFees(driver);
			click(driver, ".sb-touch-feedback-open");
			await().atMost(WAIT).until(() -> !driver.findElements(By.cssSelector(".sb-touch-text")).isEmpty());
			driver.findElement(By.cssSelector(".sb-touch-text")).sendKeys("写了一半的投诉");

			// The visitor walks away: the screen returns to the playlist on its own.
			await().atMost(WAIT)
				.until(() -> driver.findElement(By.cssSelector(".sb-touch-panel")).getAttribute("hidden") != null);
			assertThat(driver.getPageSource()).doesNotContain("写了一半的投诉");
			await().atMost(WAIT)
				.untilAsserted(() -> assertThat(journal()).extracting(DeviceEvent::type)
					.contains(EventType.INTERACTION)
					.doesNotContain(EventType.FEEDBACK));
			assertThat(chromium.consoleErrors()).as("CSP violations and script errors").isEmpty();
		}
	}

	@Test
	void visitorOpensRatesAndLeavesFeedbackAndNothingPersonalStaysOnScreen() throws IOException {
		try (KioskClient client = KioskClient.start(KioskConfig.from(kiosk(60)), this.clock);
				HeadlessChromium chromium = HeadlessChromium.start()) {
			WebDriver driver = chromium.driver();
			driver.get(client.playerUrl().toString());
			openFees(driver);
			await().atMost(WAIT).until(() -> !driver.findElements(By.cssSelector(".sb-touch-yes")).isEmpty());
			assertThat(visibleText(driver)).contains("这条信息对您有帮助吗？");
			click(driver, ".sb-touch-yes");
			await().atMost(WAIT).until(() -> visibleText(driver).contains("感谢您的评价"));
			chromium.screenshot("touch-posting-rated");

			click(driver, ".sb-touch-feedback-open");
			await().atMost(WAIT).until(() -> !driver.findElements(By.cssSelector(".sb-touch-text")).isEmpty());
			driver.findElement(By.cssSelector(".sb-touch-text")).sendKeys("收费项目里的作业本费怎么算？");
			driver.findElement(By.cssSelector(".sb-touch-contact")).sendKeys("13800138000");
			assertTouchSized(driver);
			chromium.screenshot("touch-feedback-form");
			click(driver, ".sb-touch-submit");

			await().atMost(WAIT).until(() -> visibleText(driver).contains("已收到"));
			assertThat(driver.getPageSource()).doesNotContain("作业本费怎么算").doesNotContain("13800138000");
			// After the thanks the screen goes back to the playlist by itself.
			await().atMost(WAIT)
				.until(() -> driver.findElement(By.cssSelector(".sb-touch-panel")).getAttribute("hidden") != null);

			await().atMost(WAIT)
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

	private static void openFees(WebDriver driver) {
		await().atMost(WAIT).until(() -> visibleText(driver).contains("轻触屏幕，浏览公示"));
		click(driver, ".sb-touch-menu");
		await().atMost(WAIT).until(() -> !driver.findElements(By.cssSelector(".sb-touch-category")).isEmpty());
		click(driver, ".sb-touch-category[data-kind=general]");
		await().atMost(WAIT).until(() -> !driver.findElements(By.cssSelector(".sb-touch-item")).isEmpty());
		click(driver, ".sb-touch-item[data-posting=fees]");
		await().atMost(WAIT)
			.until(() -> !driver.findElements(By.cssSelector(".sb-touch-posting article.posting")).isEmpty());
	}

	/**
	 * A kiosk with an admission list (21 rows: four table pages, one masked name, shown
	 * for the first hour only), a fee notice, and a notice with a photo and a PDF, all in
	 * its cache, no broker or server reachable.
	 */
	private Properties kiosk(int idleSeconds) throws IOException {
		PostingContent admission = TouchCatalogTests.admission("admission", Duration.ofDays(20));
		PostingContent fees = Fixtures.content("fees", "2026年秋季学期收费公示");
		PostingContent notice = Fixtures.withAttachments(Fixtures.content("notice", "校门改造通知"),
				new Attachment("校门.png", "image/png", Sha256.of(this.photo), this.photo.length),
				new Attachment("批复文件.pdf", "application/pdf", Sha256.of(this.pdf), this.pdf.length));
		Path content = Files.createDirectories(this.dataDir.resolve("content"));
		for (PostingContent posting : List.of(admission, fees, notice)) {
			Files.write(content.resolve(Fixtures.sha(posting)), Fixtures.bytes(posting));
		}
		Files.write(content.resolve(Sha256.of(this.photo)), this.photo);
		Files.write(content.resolve(Sha256.of(this.pdf)), this.pdf);
		Files.write(this.dataDir.resolve("manifest.json"),
				Fixtures.CODEC.encode(Fixtures.manifest("lobby-01", 1, item(fees, 600, always()),
						item(admission, 600, window(T0, T0.plus(Duration.ofHours(1)))), item(notice, 600, always()))));
		Properties properties = Fixtures.properties(this.dataDir);
		properties.setProperty("broker.url", "tcp://127.0.0.1:" + FreePorts.find());
		properties.setProperty("server.url", "http://127.0.0.1:" + FreePorts.find());
		properties.setProperty("player.port", "0");
		properties.setProperty("screen.profile", "kiosk");
		properties.setProperty("screenshot.command", "");
		properties.setProperty("touch.idle-seconds", Integer.toString(idleSeconds));
		properties.setProperty("public.url-template", "https://gk.example.edu.cn/public/postings/{postingId}");
		return properties;
	}

	private static void assertTouchSized(WebDriver driver) {
		assertThat(HeadlessChromium.smallTouchTargets(driver)).as("controls smaller than 44 x 44 px").isEmpty();
		assertThat(driver.findElements(By.cssSelector("button"))).as("controls measured").isNotEmpty();
	}

	private static JavascriptExecutor script(WebDriver driver) {
		return (JavascriptExecutor) driver;
	}

	private static void click(WebDriver driver, String css) {
		driver.findElement(By.cssSelector(css)).click();
	}

	private static String heading(WebDriver driver) {
		List<WebElement> headings = driver.findElements(By.cssSelector(".sb-touch-heading"));
		return headings.isEmpty() ? null : headings.get(0).getText();
	}

	private static List<String> texts(WebDriver driver, String css) {
		return driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
	}

	private static String visiblePage(WebElement pager) {
		return pager.findElements(By.cssSelector(".table-page"))
			.stream()
			.filter(WebElement::isDisplayed)
			.map((page) -> page.getAttribute("data-page"))
			.findFirst()
			.orElse(null);
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
