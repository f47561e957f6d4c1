package io.sunboard.templates;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import io.sunboard.protocol.ContentTable;
import io.sunboard.protocol.PostingContent;
import io.sunboard.testsupport.HeadlessChromium;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Must-show: a valid example of every kind renders in every screen profile in a real
 * browser, is valid HTML per the Nu HTML Checker, and shows its period, channel and QR
 * code on screen. Screenshots land in {@code templates/target/screenshots/}.
 */
@Timeout(300)
class KindPagesBrowserIT {

	private static final String PUBLIC = "https://gk.example.edu.cn/public/postings/{postingId}";

	/** Only what the player shell adds around a fragment: a full-screen page. */
	private static final String PAGE_CSS = "html, body { width: 100%; height: 100%; margin: 0; overflow: hidden; }\n";

	private static final PostingRenderer renderer = new PostingRenderer();

	private static final Map<String, String> pages = new ConcurrentHashMap<>();

	private static HttpServer server;

	@BeforeAll
	static void serve() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
		server.createContext("/", KindPagesBrowserIT::handle);
		server.start();
	}

	@AfterAll
	static void stop() {
		server.stop(0);
	}

	@ParameterizedTest
	@EnumSource(ScreenProfile.class)
	void everyKindRendersValidAndShowsPeriodChannelAndQrCode(ScreenProfile profile) throws Exception {
		try (HeadlessChromium chromium = HeadlessChromium.start(profile.width(), profile.height())) {
			WebDriver driver = chromium.driver();
			for (PostingContent example : KindExamples.all()) {
				String name = example.kind() + "-" + profile.name().toLowerCase(Locale.ROOT);
				String document = publish(name, example, profile, Locale.SIMPLIFIED_CHINESE);

				assertThat(HtmlDocuments.problems(document)).as("Nu HTML Checker on %s", name).isEmpty();

				driver.get(url(name));
				chromium.screenshot(name);
				WebElement article = driver.findElement(By.cssSelector("article.posting"));
				assertThat(article.getText()).as(name).contains(example.title(), "公示期 2026-09-07 08:00");
				assertOnScreen(driver, ".posting-period", profile, name);
				assertOnScreen(driver, ".posting-qr img", profile, name);
				assertThat(((JavascriptExecutor) driver)
					.executeScript("return document.querySelector('.posting-qr img').naturalWidth")).as(name)
					.isNotEqualTo(0L);
				assertTablePageFits(driver, name);
				if (renderer.kinds().find(example.kind()).orElseThrow().channel() != null) {
					assertOnScreen(driver, ".posting-channel", profile, name);
				}
			}
			assertThat(chromium.consoleErrors()).isEmpty();
		}
	}

	@Test
	void englishAndTraditionalChinesePagesAreValidToo() throws Exception {
		for (Locale locale : List.of(Locale.ENGLISH, Locale.TRADITIONAL_CHINESE)) {
			String document = publish("fee-" + locale, KindExamples.feeNotice(), ScreenProfile.LANDSCAPE, locale);
			assertThat(HtmlDocuments.problems(document)).as(locale.toString()).isEmpty();
		}
	}

	@Test
	void markupAndScriptInAnyFieldShowAsTextOnTheScreen() throws Exception {
		String attack = "<script>window.hacked=1</script><img src=x onerror=\"window.hacked=2\"><b>bold</b>";
		PostingContent content = KindExamples.withTables(
				KindExamples.withField(KindExamples.feeNotice(), "basisAuthority", attack),
				List.of(new ContentTable("items", List.of("收费项目", "收费标准", "计费单位", "收费范围"),
						List.of(List.of(attack, "18 元/学期", "每生", attack)))));
		content = KindExamples.withField(content, "complaintPhone", "12345 " + attack);
		content = new PostingContent(content.schema(), content.postingId(), content.kind(), attack, attack,
				content.publicityStart(), content.publicityEnd(), attack, content.timeZone(), content.fields(),
				content.tables());

		try (HeadlessChromium chromium = HeadlessChromium.start()) {
			WebDriver driver = chromium.driver();
			String document = publish("attack", content, ScreenProfile.KIOSK, Locale.SIMPLIFIED_CHINESE);
			assertThat(HtmlDocuments.problems(document)).isEmpty();

			driver.get(url("attack"));
			chromium.screenshot("markup-shown-as-text");

			WebElement article = driver.findElement(By.cssSelector("article.posting"));
			assertThat(article.getText()).contains("<script>window.hacked=1</script>", "<b>bold</b>");
			assertThat(article.findElements(By.cssSelector("script, b, img:not(.posting-qr img)"))).isEmpty();
			assertThat(((JavascriptExecutor) driver).executeScript("return window.hacked")).isNull();
		}
	}

	/** The last row of the page on show sits above the footer: nothing is cut off. */
	private static void assertTablePageFits(WebDriver driver, String name) {
		List<WebElement> rows = driver.findElements(By.cssSelector(".table-page:not([hidden]) tbody tr"));
		if (rows.isEmpty()) {
			return;
		}
		var last = rows.get(rows.size() - 1).getRect();
		int footerTop = driver.findElement(By.cssSelector(".posting-footer")).getRect().getY();
		assertThat(last.getY() + last.getHeight()).as("last table row above the footer on %s", name)
			.isLessThanOrEqualTo(footerTop);
	}

	private static void assertOnScreen(WebDriver driver, String selector, ScreenProfile profile, String name) {
		WebElement element = driver.findElement(By.cssSelector(selector));
		assertThat(element.isDisplayed()).as("%s visible on %s", selector, name).isTrue();
		var rect = element.getRect();
		assertThat(rect.getY() + rect.getHeight()).as("%s inside the screen on %s", selector, name)
			.isLessThanOrEqualTo(profile.height());
		assertThat(rect.getX() + rect.getWidth()).as("%s inside the screen on %s", selector, name)
			.isLessThanOrEqualTo(profile.width());
	}

	private static String publish(String name, PostingContent content, ScreenProfile profile, Locale locale) {
		String fragment = renderer.renderPosting(content, new RenderContext(profile, locale, PUBLIC));
		String document = HtmlDocuments.page(fragment, locale.toLanguageTag(), content.title());
		pages.put("/" + name + ".html", document);
		return document;
	}

	private static String url(String name) {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + name + ".html";
	}

	private static void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getPath();
			String body;
			String type;
			if (path.equals("/sunboard.css")) {
				body = renderer.stylesheet();
				type = "text/css";
			}
			else if (path.equals("/page.css")) {
				body = PAGE_CSS;
				type = "text/css";
			}
			else if (pages.containsKey(path)) {
				body = pages.get(path);
				type = "text/html";
			}
			else {
				exchange.sendResponseHeaders(404, -1);
				return;
			}
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
			exchange.sendResponseHeaders(200, bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		}
	}

}
