package io.sunboard.server;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import io.sunboard.testsupport.HeadlessChromium;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public page as a parent's phone shows it after scanning the QR code: real headless
 * Chromium, the server's strict Content-Security-Policy, markup in the title shown as
 * text.
 */
@Timeout(180)
class PublicPageBrowserIT {

	@Test
	void publicPageRendersUnderItsCspWithMaskedNamesAndEveryTableRow(@TempDir Path dir) {
		try (RunningServer server = RunningServer.embedded(dir).start();
				HeadlessChromium chromium = HeadlessChromium.start(420, 900)) {
			server.post("/api/v1/regions", Map.of("id", "fengze", "name", "丰泽区"));
			server.post("/api/v1/schools", Map.of("id", "shiyan", "regionId", "fengze", "name", "丰泽区实验小学"));
			Instant now = Instant.now();
			List<List<String>> winners = new java.util.ArrayList<>();
			for (int i = 1; i <= 30; i++) {
				winners.add(List.of("张三明", "三年级" + i + "班"));
			}
			String id = server.createApprovedPosting(Map.of("schoolId", "shiyan", "kind", "award", "title",
					"<b>2026年度</b>三好学生公示<script>document.title='x'</script>", "publicityStart",
					now.minus(1, ChronoUnit.HOURS).toString(), "publicityEnd", now.plus(30, ChronoUnit.DAYS).toString(),
					"fields",
					Map.of("award", "三好学生", "criteria", "品德好、学习好、身体好", "quota", "每班 2 名", "procedure", "班级推荐，学校评审",
							"objectionPhone", "0595-22281234"),
					"tables", List.of(Map.of("name", "winners", "columns", List.of("姓名", "班级"), "rows", winners))));

			chromium.driver().get(server.url() + "/public/postings/" + id);
			chromium.screenshot("public-posting-award");

			WebElement title = chromium.driver().findElement(By.cssSelector(".posting-title"));
			assertThat(title.getText()).isEqualTo("<b>2026年度</b>三好学生公示<script>document.title='x'</script>");
			// had the script run, the title would be "x"
			assertThat(chromium.driver().getTitle())
				.isEqualTo("<b>2026年度</b>三好学生公示<script>document.title='x'</script>");
			List<WebElement> rows = chromium.driver().findElements(By.cssSelector(".posting-table tbody tr"));
			assertThat(rows).hasSize(30);
			assertThat(rows.get(29).isDisplayed()).as("the last row shows: every page of the table is open").isTrue();
			assertThat(chromium.driver().findElement(By.tagName("body")).getText()).contains("张*明")
				.doesNotContain("张三明")
				.contains("0595-22281234");
			assertThat(chromium.driver().findElement(By.cssSelector(".posting-qr img")).isDisplayed()).isTrue();
			// the stylesheets applied: the page scrolls instead of being cut at the
			// screen height
			assertThat(chromium.driver().findElement(By.cssSelector(".posting")).getCssValue("overflow"))
				.isEqualTo("visible");

			chromium.driver().get(server.url() + "/public/schools/shiyan?lang=zh-TW");
			chromium.screenshot("public-school-list");
			assertThat(chromium.driver().findElement(By.tagName("h1")).getText()).contains("資訊公開");

			assertThat(chromium.consoleErrors()).isEmpty();
		}
	}

}
