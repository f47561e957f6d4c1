package io.sunboard.server;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import io.sunboard.protocol.DeviceEvent;
import io.sunboard.protocol.EventBatch;
import io.sunboard.protocol.JsonCodec;
import io.sunboard.protocol.Topics;
import io.sunboard.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The feedback inbox, compliance dashboard, ratings and annual report on the real server
 * and H2, on a clock set to Thursday 8 October 2026 (the day after National Day): due
 * dates, overdue and due-soon flags, masking for staff other than the assignee, the
 * compliance flags, and the annual report's CSV and PDF agreeing.
 */
@Timeout(240)
class FeedbackComplianceIT {

	private static final String PASSWORD = "feedback-password-1";

	private static final Instant NOW = Instant.parse("2026-10-08T02:00:00Z");

	private static final Map<String, String> FEE_FIELDS = Map.of("basisAuthority", "泉州市发展和改革委员会", "basisDocument",
			"泉发改收费〔2024〕12号", "reductionPolicy", "家庭经济困难学生可申请减免", "complaintPhone", "0595-22281234", "reportPhone",
			"0595-12345");

	private final MutableClock clock = new MutableClock(NOW);

	private RunningServer server;

	@Test
	void inboxComplianceRatingsAndAnnualReport(@TempDir Path dir) throws Exception {
		try (RunningServer server = RunningServer.embedded(dir).withClock(this.clock).start()) {
			this.server = server;
			String secret = FaultFixture.seedScreen(server, "fb-kiosk");
			assertThat(server.post("/api/v1/schools", Map.of("id", "s2", "regionId", "fengze", "name", "二小")).status())
				.isEqualTo(201);
			account("editor", "SCHOOL_EDITOR", "shiyan");
			account("editor2", "SCHOOL_EDITOR", "shiyan");
			account("auditor", "AUDITOR", "shiyan");

			String fee = feeNoticeOnScreens();
			// the screen has a new manifest; within the grace period that is not a
			// problem
			await().atMost(Duration.ofSeconds(30))
				.until(() -> server.bean(JdbcClient.class)
					.sql("select count(*) from device_manifest where device_id = 'fb-kiosk'")
					.query(Integer.class)
					.single() == 1);
			JsonNode before = server.get("/api/v1/compliance?regionId=fengze&year=2026").json();
			assertThat(flags(school(before, "shiyan"), "SCREEN_NOT_APPLIED")).isEmpty();
			String late = server.createApprovedPosting(general("暑期安全提示"));
			String timely = server.createApprovedPosting(general("校园开放日通知"));
			assertThat(server
				.put("/api/v1/postings/" + late + "/information-formed-on", Map.of("informationFormedOn", "2026-09-01"))
				.status()).isEqualTo(200);
			assertThat(server
				.put("/api/v1/postings/" + timely + "/information-formed-on",
						Map.of("informationFormedOn", "2026-09-30"))
				.status()).isEqualTo(200);
			assertThat(server.put("/api/v1/compliance/catalogue/shiyan", CATALOGUE).status()).isEqualTo(200);

			sendKioskEvents(secret, fee);
			staffFeedbackDueDatesAndFlags();
			String kioskItem = kioskFeedbackIsMaskedExceptForTheAssignee(secret);
			complianceFlags(fee, late, timely);
			ratingsPerPostingAndSchool(fee);
			annualReportCsvAndPdfAgree();
			consolePages(kioskItem);
		}
	}

	private void staffFeedbackDueDatesAndFlags() {
		JsonNode complaint = created(as("editor", "POST", "/api/v1/feedback",
				feedback("COMPLAINT", "收费标准有疑问", "13900001111", "2026-09-28T02:00:00Z")));
		assertThat(complaint.get("dueOn").asString()).isEqualTo("2026-10-16");
		assertThat(complaint.get("overdue").asBoolean()).isFalse();
		assertThat(complaint.get("dueSoon").asBoolean()).isFalse();
		JsonNode soon = created(as("editor", "POST", "/api/v1/feedback",
				feedback("CONSULTATION", "开放日几点开始", null, "2026-09-30T02:00:00Z")));
		assertThat(soon.get("dueOn").asString()).isEqualTo("2026-10-09");
		assertThat(soon.get("dueSoon").asBoolean()).isTrue();
		assertThat(soon.get("overdue").asBoolean()).isFalse();
		JsonNode overdue = created(as("editor", "POST", "/api/v1/feedback",
				feedback("CONSULTATION", "中秋放假安排", null, "2026-09-24T02:00:00Z")));
		assertThat(overdue.get("dueOn").asString()).isEqualTo("2026-09-29");
		assertThat(overdue.get("overdue").asBoolean()).isTrue();
		// the creator is not the assignee: the phone is masked even for them
		assertThat(complaint.get("contact").asString()).isEqualTo("139****1111");

		RunningServer.Response refused = as("editor", "POST", "/api/v1/feedback",
				feedback("COMPLAINT", "x", "not a phone", null));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("contact must be a phone number");
		assertThat(as("auditor", "POST", "/api/v1/feedback", feedback("COMPLAINT", "x", null, null)).status())
			.isEqualTo(403);
		Map<String, Object> elsewhere = feedback("COMPLAINT", "x", null, null);
		elsewhere.put("postingId", "p-of-nobody");
		RunningServer.Response unknownPosting = as("editor", "POST", "/api/v1/feedback", elsewhere);
		assertThat(unknownPosting.status()).isEqualTo(400);
		assertThat(unknownPosting.body()).contains("is not a posting of school 'shiyan'");
	}

	private String kioskFeedbackIsMaskedExceptForTheAssignee(String secret) {
		await().atMost(Duration.ofSeconds(30)).until(() -> kioskItem() != null);
		JsonNode item = kioskItem();
		String id = item.get("id").asString();
		// received on 8 October: ten working days, the make-up Saturday 10 October
		// included
		assertThat(item.get("dueOn").asString()).isEqualTo("2026-10-21");
		assertThat(item.get("contact").asString()).isEqualTo("138****5678");
		assertThat(item.get("text").asString()).isEqualTo("请回电 138****5678").doesNotContain("13812345678");

		RunningServer.Response auditorAssignee = as("editor", "POST", "/api/v1/feedback/" + id + "/assign",
				Map.of("assignee", "auditor"));
		assertThat(auditorAssignee.status()).isEqualTo(400);
		assertThat(as("editor", "POST", "/api/v1/feedback/" + id + "/assign", Map.of("assignee", "nobody")).status())
			.isEqualTo(400);
		assertThat(as("editor", "POST", "/api/v1/feedback/" + id + "/assign", Map.of("assignee", "editor2")).status())
			.isEqualTo(200);

		JsonNode forOther = as("editor", "GET", "/api/v1/feedback/" + id, null).json();
		assertThat(forOther.get("contact").asString()).isEqualTo("138****5678");
		assertThat(forOther.get("contactMasked").asBoolean()).isTrue();
		JsonNode forAssignee = as("editor2", "GET", "/api/v1/feedback/" + id, null).json();
		assertThat(forAssignee.get("contact").asString()).isEqualTo("13812345678");
		assertThat(forAssignee.get("text").asString()).isEqualTo("请回电 13812345678");
		assertThat(this.server.get("/api/v1/feedback/" + id).json().get("contact").asString()).isEqualTo("138****5678");
		assertThat(as("editor", "GET", "/api/v1/feedback?schoolId=shiyan", null).body()).doesNotContain("13812345678");

		this.clock.advance(Duration.ofHours(6));
		JsonNode replied = as("editor2", "POST", "/api/v1/feedback/" + id + "/reply",
				Map.of("reply", "收费标准以公示为准，已安排专人回电。", "publishOnKiosk", true))
			.json();
		assertThat(replied.get("status").asString()).isEqualTo("answered");
		assertThat(replied.get("answeredOnTime").asBoolean()).isTrue();
		assertThat(replied.get("overdue").asBoolean()).isFalse();

		RunningServer.Response onKiosk = this.server.sendWithHeader("GET", "/device-api/v1/feedback-replies",
				"Authorization", "Bearer fb-kiosk:" + secret);
		assertThat(onKiosk.status()).isEqualTo(200);
		assertThat(onKiosk.body()).contains("收费标准以公示为准").doesNotContain("13812345678");
		assertThat(this.server
			.sendWithHeader("GET", "/device-api/v1/feedback-replies", "Authorization", "Bearer fb-kiosk:wrong")
			.status()).isEqualTo(401);

		String audit = this.server.get("/api/v1/audit?action=feedback").body();
		assertThat(audit).contains("feedback.received", "feedback.created", "feedback.assigned", "feedback.replied")
			.doesNotContain("13812345678");
		return id;
	}

	private void complianceFlags(String fee, String late, String timely) {
		// the screen got its manifest hours ago but never applied it
		this.clock.advance(Duration.ofMinutes(20));

		JsonNode report = this.server.get("/api/v1/compliance?regionId=fengze&year=2026").json();
		JsonNode shiyan = school(report, "shiyan");
		assertThat(status(shiyan, "fee-notice", "spring")).isEqualTo("MISSING");
		assertThat(status(shiyan, "fee-notice", "autumn")).isEqualTo("LATE");
		assertThat(status(shiyan, "general", "year")).isEqualTo("ON_TIME");
		assertThat(status(shiyan, "award", "year")).isEqualTo("MISSING");
		assertThat(status(shiyan, "finance", "year")).isEqualTo("PENDING");
		assertThat(shiyan.get("onTime").asInt()).isEqualTo(1);
		assertThat(shiyan.get("late").asInt()).isEqualTo(1);
		assertThat(shiyan.get("missing").asInt()).isEqualTo(2);
		assertThat(flags(shiyan, "LATE_PROACTIVE_DISCLOSURE")).containsExactly(late);
		assertThat(flags(shiyan, "NO_LIVE_FEE_NOTICE")).isEmpty();
		assertThat(flags(shiyan, "SCREEN_NOT_APPLIED")).containsExactly("fb-kiosk");

		JsonNode s2 = school(report, "s2");
		assertThat(s2.get("missing").asInt()).isEqualTo(5);
		assertThat(flags(s2, "NO_LIVE_FEE_NOTICE")).containsExactly("s2");

		// school scoping: a school's editor sees their school, not the region or another
		// school
		assertThat(as("editor", "GET", "/api/v1/compliance?schoolId=shiyan&year=2026", null).status()).isEqualTo(200);
		assertThat(as("editor", "GET", "/api/v1/compliance?schoolId=s2", null).status()).isEqualTo(403);
		assertThat(as("editor", "GET", "/api/v1/compliance?regionId=fengze", null).status()).isEqualTo(403);
		RunningServer.Response badCatalogue = this.server.put("/api/v1/compliance/catalogue/shiyan",
				"{\"requirements\":[{\"kind\":\"award\",\"cadence\":\"TERM\",\"periods\":[]}]}");
		assertThat(badCatalogue.status()).isEqualTo(400);
		assertThat(badCatalogue.body()).contains("needs 2 period(s)");
	}

	private void ratingsPerPostingAndSchool(String fee) {
		JsonNode evaluation = this.server.get("/api/v1/evaluations?schoolId=shiyan&year=2026").json();
		JsonNode school = evaluation.get("bySchool").get(0);
		assertThat(school.get("ratings").asLong()).isEqualTo(3);
		assertThat(school.get("helpful").asLong()).isEqualTo(2);
		assertThat(school.get("helpfulPercent").asDouble()).isEqualTo(66.7);
		JsonNode posting = evaluation.get("byPosting").get(0);
		assertThat(posting.get("id").asString()).isEqualTo(fee);
		assertThat(posting.get("ratings").asLong()).isEqualTo(3);
	}

	private void annualReportCsvAndPdfAgree() throws IOException {
		RunningServer.BinaryResponse csv = this.server
			.getBytes("/api/v1/annual-reports?schoolId=shiyan&year=2026&format=csv");
		assertThat(csv.status()).isEqualTo(200);
		List<String[]> rows = new ArrayList<>();
		String text = new String(csv.body(), StandardCharsets.UTF_8).replace("\uFEFF", "");
		for (String line : text.split("\r\n")) {
			if (!line.isBlank() && !line.startsWith("scope,")) {
				rows.add(line.split(",", -1));
			}
		}
		Map<String, String> values = new LinkedHashMap<>();
		rows.forEach((r) -> values.put(r[3] + "." + r[4], r[6]));
		assertThat(values).containsEntry("postings.total", "3")
			.containsEntry("postings-by-kind.fee-notice", "1")
			.containsEntry("postings-by-kind.general", "2")
			.containsEntry("postings-by-attribute.PROACTIVE", "3")
			.containsEntry("proof-of-play.screens", "1")
			.containsEntry("proof-of-play.plays", "1")
			.containsEntry("proof-of-play.seconds", "10")
			.containsEntry("feedback.received", "4")
			.containsEntry("feedback.answered", "1")
			.containsEntry("feedback.answered-on-time", "1")
			.containsEntry("feedback.handling-rate", "25.0%");

		RunningServer.BinaryResponse pdf = this.server
			.getBytes("/api/v1/annual-reports?schoolId=shiyan&year=2026&format=pdf");
		assertThat(pdf.status()).isEqualTo(200);
		assertThat(pdf.contentType()).isEqualTo("application/pdf");
		String pdfText;
		try (PDDocument document = Loader.loadPDF(pdf.body())) {
			pdfText = new PDFTextStripper().getText(document);
		}
		assertThat(pdfText).contains("丰泽区实验小学");
		for (String[] row : rows) {
			assertThat(pdfText).as("the PDF shows %s = %s", row[5], row[6]).contains(row[5] + " " + row[6]);
		}
		assertThat(this.server.get("/api/v1/annual-reports?year=2026&format=csv").status()).isEqualTo(400);
		assertThat(this.server.get("/api/v1/annual-reports?schoolId=shiyan&format=xls").status()).isEqualTo(400);
	}

	private void consolePages(String kioskItem) {
		RunningServer.Response assignee = as("editor2", "GET", "/console/feedback", null);
		assertThat(assignee.status()).isEqualTo(200);
		assertThat(assignee.body()).contains("13812345678");
		RunningServer.Response other = as("editor", "GET", "/console/feedback", null);
		assertThat(other.body()).contains(kioskItem).contains("138****5678").doesNotContain("13812345678");
		assertThat(other.body()).contains("overdue");
		assertThat(other.body()).as("every due date is in 2026, an official year")
			.doesNotContain("provisional-calendar");
		RunningServer.Response compliance = as("editor", "GET", "/console/compliance?schoolId=shiyan", null);
		assertThat(compliance.status()).isEqualTo(200);
		assertThat(compliance.body()).contains("SCREEN_NOT_APPLIED");
		// the flag explained in the console's language (zh-CN by default)
		assertThat(compliance.body()).contains("应播放第").doesNotContain("should show");
		// 2026 is the State Council's notice; 2027 ships provisional, and the page says
		// so
		assertThat(compliance.body()).doesNotContain("provisional-calendar");
		RunningServer.Response nextYear = as("editor", "GET", "/console/compliance?schoolId=shiyan&year=2027", null);
		assertThat(nextYear.body()).contains("provisional-calendar").contains("2027 年的工作日按暂定的节假日安排计算");
		RunningServer.Response annual = as("editor", "GET", "/console/annual-report?schoolId=shiyan&year=2026", null);
		assertThat(annual.status()).isEqualTo(200);
		assertThat(annual.body()).contains("feedback.handling-rate").contains("25.0%");
		// a console page that cannot find what it was asked for says so on a console page
		RunningServer.Response missing = as("editor", "GET", "/console/postings/no-such-posting", null);
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.body()).contains("<h1 id=\"error-status\">未找到</h1>")
			.contains("no posting &#39;no-such-posting&#39;")
			.contains("返回控制台")
			.doesNotContain("\"status\":404");
		// the API keeps its problem+json
		assertThat(this.server.get("/api/v1/postings/no-such-posting").body()).contains("\"status\":404");
	}

	private String feeNoticeOnScreens() {
		Map<String, Object> body = new LinkedHashMap<>(general("2026年秋季学期收费公示"));
		body.put("kind", "fee-notice");
		body.put("fields", FEE_FIELDS);
		body.put("tables", List.of(Map.of("name", "items", "columns", List.of("收费项目", "收费标准", "计费单位", "收费范围"), "rows",
				List.of(List.of("作业本费", "18 元/生·学期", "按学期", "全体学生")))));
		String id = created(as("editor", "POST", "/api/v1/postings", body)).get("id").asString();
		assertThat(as("editor", "POST", "/api/v1/postings/" + id + "/submit", "{}").status()).isEqualTo(200);
		assertThat(this.server
			.post("/api/v1/postings/" + id + "/review",
					Map.of("decision", "APPROVE", "basis", "保密审查制度", "conclusion", "同意公开", "attribute", "PROACTIVE"))
			.status()).isEqualTo(200);
		assertThat(this.server
			.post("/api/v1/postings/" + id + "/schedule", Map.of("startsAt", NOW.minusSeconds(3600).toString(),
					"endsAt", NOW.plus(Duration.ofDays(200)).toString(), "durationSeconds", 10))
			.status()).isEqualTo(201);
		return id;
	}

	private void sendKioskEvents(String secret, String fee) throws Exception {
		List<DeviceEvent> events = List.of(DeviceEvent.played("fb-p1", NOW, fee, 10_000),
				DeviceEvent.rating("fb-r1", NOW, fee, true), DeviceEvent.rating("fb-r2", NOW, fee, true),
				DeviceEvent.rating("fb-r3", NOW, fee, false),
				DeviceEvent.feedback("fb-f1", NOW, "complaint", "请回电 13812345678", "13812345678", fee));
		MqttClient device = new MqttClient("tcp://127.0.0.1:" + this.server.property("sunboard.broker.embedded.port"),
				"fb-kiosk", new MemoryPersistence());
		MqttConnectionOptions options = new MqttConnectionOptions();
		options.setUserName("fb-kiosk");
		options.setPassword(secret.getBytes(StandardCharsets.UTF_8));
		device.connect(options);
		MqttMessage message = new MqttMessage(new JsonCodec().encode(new EventBatch("fb-kiosk", events)));
		message.setQos(1);
		device.publish(Topics.defaults().events("fb-kiosk"), message);
		device.disconnect();
		device.close();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.server.bean(JdbcClient.class)
				.sql("select count(*) from device_event where device_id = 'fb-kiosk' and event_id like 'fb-%'")
				.query(Integer.class)
				.single() == 5);
	}

	private JsonNode kioskItem() {
		for (JsonNode item : this.server.get("/api/v1/feedback?schoolId=shiyan").json()) {
			if (item.get("channel").asString().equals("KIOSK")) {
				return item;
			}
		}
		return null;
	}

	private static JsonNode school(JsonNode report, String id) {
		for (JsonNode s : report.get("schools")) {
			if (s.get("schoolId").asString().equals(id)) {
				return s;
			}
		}
		throw new AssertionError("no school " + id + " in " + report);
	}

	private static String status(JsonNode school, String kind, String period) {
		for (JsonNode e : school.get("entries")) {
			if (e.get("kind").asString().equals(kind) && e.get("period").asString().equals(period)) {
				return e.get("status").asString();
			}
		}
		throw new AssertionError("no " + kind + "/" + period + " in " + school);
	}

	private static List<String> flags(JsonNode school, String type) {
		List<String> subjects = new ArrayList<>();
		for (JsonNode f : school.get("flags")) {
			if (f.get("type").asString().equals(type)) {
				subjects.add(f.get("subject").asString());
			}
		}
		return subjects;
	}

	private static Map<String, Object> general(String title) {
		return Map.of("schoolId", "shiyan", "title", title, "body", "正文", "publicityStart",
				NOW.minusSeconds(3600).toString(), "publicityEnd", NOW.plus(Duration.ofDays(200)).toString());
	}

	private static Map<String, Object> feedback(String kind, String text, String contact, String receivedAt) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("schoolId", "shiyan");
		body.put("kind", kind);
		body.put("channel", "PHONE");
		body.put("text", text);
		if (contact != null) {
			body.put("contact", contact);
		}
		if (receivedAt != null) {
			body.put("receivedAt", receivedAt);
		}
		return body;
	}

	private void account(String username, String role, String school) {
		assertThat(this.server
			.post("/api/v1/accounts", Map.of("username", username, "password", PASSWORD, "role", role, "scopeType",
					"SCHOOL", "scopeId", school))
			.status()).isEqualTo(201);
	}

	private RunningServer.Response as(String username, String method, String path, Object body) {
		return this.server.send(method, path, body, username, PASSWORD);
	}

	private static JsonNode created(RunningServer.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json();
	}

	private static final String CATALOGUE = """
			{"requirements": [
			  {"kind": "fee-notice", "cadence": "TERM", "periods": [
			    {"name": "spring", "from": "01-01", "due": "03-15"},
			    {"name": "autumn", "from": "07-01", "due": "09-15"}]},
			  {"kind": "general", "cadence": "YEAR", "periods": [{"name": "year", "from": "01-01", "due": "12-31"}]},
			  {"kind": "award", "cadence": "YEAR", "periods": [{"name": "year", "from": "01-01", "due": "06-30"}]},
			  {"kind": "finance", "cadence": "YEAR", "periods": [{"name": "year", "from": "01-01", "due": "12-31"}]}
			]}""";

}
