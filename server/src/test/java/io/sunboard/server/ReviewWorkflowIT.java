package io.sunboard.server;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
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

	private static Map<String, Object> posting(String kind, String title) {
		Instant now = Instant.now();
		return Map.of("schoolId", "s1", "kind", kind, "title", title, "body", "正文", "publicityStart", now.toString(),
				"publicityEnd", now.plusSeconds(86_400).toString());
	}

}
