package io.sunboard.server;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import io.sunboard.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console inbox a page at a time, newest first, with filters by state, school and
 * region, and counts that cover every page; and the feedback API's optional paging. On a
 * clock set to Thursday 8 October 2026: 53 items of school a1 received in early September
 * are overdue, one of a2 and one of b1 came in today.
 */
@Timeout(240)
class FeedbackInboxPagingIT {

	private static final Instant NOW = Instant.parse("2026-10-08T02:00:00Z");

	private static final Pattern ROW = Pattern.compile("data-feedback=");

	private final MutableClock clock = new MutableClock(NOW);

	private RunningServer server;

	@Test
	void inboxPagesFiltersAndCountsEveryPage(@TempDir Path dir) {
		try (RunningServer server = RunningServer.embedded(dir).withClock(this.clock).start()) {
			this.server = server;
			created(server.post("/api/v1/regions", Map.of("id", "fengze", "name", "丰泽区教育局")));
			created(server.post("/api/v1/regions", Map.of("id", "licheng", "name", "鲤城区教育局")));
			school("a1", "fengze", "甲一小学");
			school("a2", "fengze", "甲二小学");
			school("b1", "licheng", "乙一小学");
			String first = null;
			for (int i = 0; i < 53; i++) {
				String id = feedback("a1", "inbox-item-%02d".formatted(i),
						Instant.parse("2026-09-01T02:00:00Z").plusSeconds(60L * i));
				first = (first != null) ? first : id;
			}
			feedback("a2", "inbox-a2-today", NOW.minusSeconds(60));
			feedback("b1", "inbox-b1-today", NOW.minusSeconds(30));

			// newest first, 50 a page: b1, a2, then a1's items 52 down to 05; 04 to 00
			// are on page 2
			String page1 = page("/console/feedback");
			assertThat(rows(page1)).isEqualTo(50);
			assertThat(page1).contains("inbox-b1-today", "inbox-a2-today", "inbox-item-52", "inbox-item-05")
				.doesNotContain("inbox-item-04");
			assertThat(page1).contains("第 1 / 2 页（55 条）").contains("rel=\"next\"");
			String page2 = page("/console/feedback?page=2");
			assertThat(rows(page2)).isEqualTo(5);
			assertThat(page2).contains("inbox-item-04", "inbox-item-00").doesNotContain("inbox-item-05");
			// the counts are over the whole selection, not the page
			for (String page : new String[] { page1, page2 }) {
				assertThat(page).contains("共 55 条：未答复 55 条，已答复 0 条。").contains("逾期 53 条");
			}

			assertThat(this.server
				.post("/api/v1/feedback/" + first + "/reply", Map.of("reply", "已答复", "publishOnKiosk", false))
				.status()).isEqualTo(200);
			String overdue = page("/console/feedback?state=overdue");
			assertThat(overdue).contains("逾期 52 条").contains("第 1 / 2 页（52 条）").doesNotContain("inbox-a2-today");
			assertThat(rows(page("/console/feedback?state=overdue&page=2"))).isEqualTo(2);
			String answered = page("/console/feedback?state=answered");
			assertThat(rows(answered)).isEqualTo(1);
			assertThat(answered).contains("inbox-item-00").contains("共 55 条：未答复 54 条，已答复 1 条。");
			assertThat(rows(page("/console/feedback?state=unanswered&page=2"))).isEqualTo(4);

			String a2 = page("/console/feedback?schoolId=a2");
			assertThat(rows(a2)).isEqualTo(1);
			assertThat(a2).contains("inbox-a2-today")
				.doesNotContain("inbox-b1-today")
				.doesNotContain("data-count=\"overdue\"");
			String licheng = page("/console/feedback?regionId=licheng");
			assertThat(rows(licheng)).isEqualTo(1);
			assertThat(licheng).contains("inbox-b1-today").doesNotContain("inbox-a2-today");
			String fengze = page("/console/feedback?regionId=fengze&page=2");
			assertThat(rows(fengze)).isEqualTo(4);
			assertThat(fengze).doesNotContain("inbox-b1-today")
				.as("the next page keeps the filters")
				.contains("regionId=fengze");

			// the API pages only when asked to
			assertThat(this.server.get("/api/v1/feedback?regionId=fengze").json().size()).isEqualTo(54);
			JsonNode apiPage2 = this.server.get("/api/v1/feedback?regionId=fengze&size=50&page=2").json();
			assertThat(apiPage2.size()).isEqualTo(4);
			assertThat(apiPage2.get(3).get("text").asString()).isEqualTo("inbox-item-00");
			assertThat(this.server.get("/api/v1/feedback?size=0").status()).isEqualTo(400);
		}
	}

	private void school(String id, String region, String name) {
		created(this.server.post("/api/v1/schools",
				Map.of("id", id, "regionId", region, "name", name, "timeZone", "Asia/Shanghai")));
	}

	private String feedback(String school, String text, Instant receivedAt) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("schoolId", school);
		body.put("kind", "CONSULTATION");
		body.put("channel", "PHONE");
		body.put("text", text);
		body.put("receivedAt", receivedAt.toString());
		return created(this.server.post("/api/v1/feedback", body)).get("id").asString();
	}

	private String page(String path) {
		RunningServer.Response response = this.server.get(path);
		assertThat(response.status()).as(path).isEqualTo(200);
		return response.body();
	}

	private static long rows(String html) {
		return ROW.matcher(html).results().count();
	}

	private static JsonNode created(RunningServer.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json();
	}

}
