package io.sunboard.server;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Draft → submit → confidentiality review → approve or reject; editing an approved
 * posting sends it back to review; a high-risk kind needs a reviewer other than its
 * author; all in the audit log.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class ReviewWorkflowIT {

	private static final String PASSWORD = "review-password-1";

	private static final Map<String, String> FEE_FIELDS = Map.of("basisAuthority", "泉州市发展和改革委员会", "basisDocument",
			"泉发改收费〔2024〕12号", "reductionPolicy", "家庭经济困难学生可申请减免", "complaintPhone", "0595-22281234", "reportPhone",
			"0595-12345");

	private RunningServer server;

	@BeforeAll
	void start(@TempDir Path dir) {
		this.server = RunningServer.embedded(dir).start();
		this.server.post("/api/v1/regions", Map.of("id", "r1", "name", "区"));
		this.server.post("/api/v1/schools", Map.of("id", "s1", "regionId", "r1", "name", "实验小学"));
		account("editor", "SCHOOL_EDITOR", "SCHOOL", "s1");
		account("reviewer", "REVIEWER", "SCHOOL", "s1");
		account("auditor", "AUDITOR", "REGION", "r1");
	}

	@AfterAll
	void stop() {
		this.server.close();
	}

	@Test
	void feeNoticeGoesThroughReviewAndTheTrailIsAudited() {
		String id = as("editor", "POST", "/api/v1/postings", posting("fee-notice", "2026年秋季学期收费公示")).json()
			.get("id")
			.asString();
		assertThat(status(id)).isEqualTo("DRAFT");
		assertThat(as("editor", "POST", "/api/v1/postings/" + id + "/schedule", window()).status())
			.as("a draft cannot be scheduled")
			.isEqualTo(400);

		assertThat(as("editor", "POST", "/api/v1/postings/" + id + "/submit", "{}").status()).isEqualTo(200);
		assertThat(status(id)).isEqualTo("IN_REVIEW");
		assertThat(as("editor", "POST", "/api/v1/postings/" + id + "/review", approval("PROACTIVE", null)).status())
			.as("editors do not review")
			.isEqualTo(403);

		RunningServer.Response incomplete = as("reviewer", "POST", "/api/v1/postings/" + id + "/review",
				approval("INTERNAL", null));
		assertThat(incomplete.status()).isEqualTo(400);
		assertThat(incomplete.body()).contains("INTERNAL needs a reason");

		RunningServer.Response approved = as("reviewer", "POST", "/api/v1/postings/" + id + "/review",
				approval("PROACTIVE", null));
		assertThat(approved.status()).as(approved.body()).isEqualTo(200);
		assertThat(approved.json().get("reviewer").asString()).isEqualTo("reviewer");
		assertThat(status(id)).isEqualTo("APPROVED");
		assertThat(as("editor", "POST", "/api/v1/postings/" + id + "/schedule", window()).status()).isEqualTo(201);

		assertThat(as("editor", "PUT", "/api/v1/postings/" + id, posting("fee-notice", "2026年秋季学期收费公示（更正）")).status())
			.isEqualTo(200);
		assertThat(status(id)).as("an edit sends an approved posting back to review").isEqualTo("IN_REVIEW");

		RunningServer.Response rejected = as("reviewer", "POST", "/api/v1/postings/" + id + "/review",
				Map.of("decision", "REJECT", "reason", "收费依据文号有误，请核对"));
		assertThat(rejected.status()).isEqualTo(200);
		assertThat(status(id)).isEqualTo("REJECTED");

		RunningServer.Response audit = as("auditor", "GET", "/api/v1/audit?schoolId=s1", null);
		assertThat(audit.status()).isEqualTo(200);
		assertThat(audit.body()).contains("posting.created", "posting.submitted", "posting.approved",
				"posting.scheduled", "posting.edited", "posting.rejected", "收费依据文号有误");
		RunningServer.Response csv = as("auditor", "GET", "/api/v1/audit/export?action=posting.", null);
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.body()).contains("posting.approved").contains("\"reviewer\"").doesNotContain("school.created");
		assertThat(as("editor", "GET", "/api/v1/audit", null).status()).isEqualTo(403);
	}

	@Test
	void authorCannotApproveTheirOwnHighRiskPostingButMayApproveAGeneralNotice() {
		String fee = this.server.post("/api/v1/postings", posting("fee-notice", "收费公示")).json().get("id").asString();
		this.server.post("/api/v1/postings/" + fee + "/submit", "{}");
		RunningServer.Response own = this.server.post("/api/v1/postings/" + fee + "/review",
				approval("PROACTIVE", null));
		assertThat(own.status()).isEqualTo(403);
		assertThat(own.body()).contains("high-risk").contains("another reviewer");
		assertThat(as("reviewer", "POST", "/api/v1/postings/" + fee + "/review", approval("PROACTIVE", null)).status())
			.isEqualTo(200);

		String notice = this.server.post("/api/v1/postings", posting("general", "放假通知")).json().get("id").asString();
		this.server.post("/api/v1/postings/" + notice + "/submit", "{}");
		assertThat(this.server.post("/api/v1/postings/" + notice + "/review", approval("PROACTIVE", null)).status())
			.isEqualTo(200);
	}

	private String status(String id) {
		return this.server.get("/api/v1/postings/" + id).json().get("status").asString();
	}

	private RunningServer.Response as(String user, String method, String path, Object body) {
		return this.server.send(method, path, body, user, PASSWORD);
	}

	private void account(String username, String role, String scopeType, String scopeId) {
		assertThat(this.server
			.post("/api/v1/accounts", Map.of("username", username, "password", PASSWORD, "role", role, "scopeType",
					scopeType, "scopeId", scopeId))
			.status()).isEqualTo(201);
	}

	private static Map<String, Object> approval(String attribute, String reason) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("decision", "APPROVE");
		body.put("basis", "《保守国家秘密法》及本校保密审查制度");
		body.put("conclusion", "不涉及秘密与个人隐私");
		body.put("attribute", attribute);
		body.put("attributeReason", reason);
		return body;
	}

	private static Map<String, Object> window() {
		Instant now = Instant.now();
		return Map.of("startsAt", now.toString(), "endsAt", now.plusSeconds(3600).toString());
	}

	/**
	 * A valid posting of that kind: a fee notice carries its mandatory fields and items
	 * table.
	 */
	private static Map<String, Object> posting(String kind, String title) {
		Instant now = Instant.now();
		Map<String, Object> body = new LinkedHashMap<>(Map.of("schoolId", "s1", "kind", kind, "title", title, "body",
				"正文", "publicityStart", now.toString(), "publicityEnd", now.plusSeconds(86_400).toString()));
		if (kind.equals("fee-notice")) {
			body.put("fields", FEE_FIELDS);
			body.put("tables", List.of(Map.of("name", "items", "columns", List.of("收费项目", "收费标准", "计费单位", "收费范围"),
					"rows", List.of(List.of("作业本费", "18 元/生·学期", "按学期", "全体学生")))));
		}
		return body;
	}

	@Test
	void feeNoticeMissingItsMandatoryFieldsIsRefusedSayingWhatToFill() {
		Map<String, Object> incomplete = posting("fee-notice", "收费公示");
		Map<String, String> fields = new LinkedHashMap<>(FEE_FIELDS);
		fields.remove("complaintPhone");
		incomplete.put("fields", fields);

		RunningServer.Response refused = this.server.send("POST", "/api/v1/postings", incomplete, "editor", PASSWORD);

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("投诉电话");
	}

	@Test
	void pupilsScoresInAnAdmissionListAreRefused() {
		Instant now = Instant.now();
		Map<String, Object> admission = new LinkedHashMap<>(
				Map.of("schoolId", "s1", "kind", "admission", "title", "2026年一年级新生录取名单", "publicityStart",
						now.toString(), "publicityEnd", now.plus(java.time.Duration.ofDays(30)).toString()));
		admission.put("fields", Map.of("policySummary", "按片区招生", "plan", "8 个班 360 人", "appealPhone", "0595-22281234",
				"appealAddress", "丰泽区实验小学招生办", "appealEmail", "zsb@example.edu.cn"));
		admission.put("tables", List.of(Map.of("name", "results", "columns", List.of("姓名", "录取编号", "录取学校", "状态", "成绩"),
				"rows", List.of(List.of("张三", "LQ-1", "一年级（1）班", "已录取", "98")))));

		RunningServer.Response refused = this.server.send("POST", "/api/v1/postings", admission, "editor", PASSWORD);

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("成绩");
	}

}
