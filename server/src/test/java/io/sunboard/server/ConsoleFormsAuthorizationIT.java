package io.sunboard.server;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.sunboard.templates.KindCatalog;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's forms posted as a browser posts them (session and CSRF token), so the
 * access checks behind them are tested, not only the CSRF refusal the matrix sees: a
 * school's editor cannot touch another school's postings or screens, and each role keeps
 * to its permissions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(180)
class ConsoleFormsAuthorizationIT {

	private static final String PASSWORD = "console-forms-password-1";

	private RunningServer server;

	private String p1;

	private String approved1;

	@BeforeAll
	void seed(@TempDir Path dir) {
		this.server = RunningServer.embedded(dir).start();
		this.server.post("/api/v1/regions", Map.of("id", "r1", "name", "一区"));
		this.server.post("/api/v1/regions", Map.of("id", "r2", "name", "二区"));
		this.server.post("/api/v1/schools", Map.of("id", "s1", "regionId", "r1", "name", "一小"));
		this.server.post("/api/v1/schools", Map.of("id", "s3", "regionId", "r2", "name", "三小"));
		this.server.post("/api/v1/devices", Map.of("id", "d1", "schoolId", "s1", "name", "屏"));
		for (String[] a : new String[][] { { "s1-editor", "SCHOOL_EDITOR", "s1" }, { "s1-reviewer", "REVIEWER", "s1" },
				{ "s3-editor", "SCHOOL_EDITOR", "s3" } }) {
			assertThat(this.server
				.post("/api/v1/accounts", Map.of("username", a[0], "password", PASSWORD, "role", a[1], "scopeType",
						"SCHOOL", "scopeId", a[2]))
				.status()).isEqualTo(201);
		}
		Instant now = Instant.now();
		Map<String, String> notice = Map.of("schoolId", "s1", "title", "通知", "body", "正文", "publicityStart",
				now.toString(), "publicityEnd", now.plus(Duration.ofDays(30)).toString());
		this.p1 = this.server.post("/api/v1/postings", notice).json().get("id").asString();
		this.approved1 = this.server.createApprovedPosting(notice);
	}

	@AfterAll
	void stop() {
		this.server.close();
	}

	@Test
	void anotherSchoolsEditorIsRefusedEveryPostingAndScreenForm() {
		ConsoleSession s3 = ConsoleSession.signIn(this.server.url(), "s3-editor", PASSWORD);
		assertThat(s3.post("/console/postings/" + this.p1, form("改标题")).status()).isEqualTo(403);
		assertThat(s3.post("/console/postings", Map.of("schoolId", "s1", "kind", "general", "title", "x")).status())
			.isEqualTo(403);
		assertThat(s3.post("/console/postings/" + this.p1 + "/submit", Map.of()).status()).isEqualTo(403);
		assertThat(s3.post("/console/postings/" + this.p1 + "/withdraw", Map.of()).status()).isEqualTo(403);
		assertThat(s3.post("/console/postings/preview", Map.of("schoolId", "s1", "title", "x")).status())
			.isEqualTo(403);
		assertThat(s3.post("/console/postings/" + this.approved1 + "/schedule", Map.of()).status()).isEqualTo(403);
		assertThat(s3.post("/console/devices/d1/rename", Map.of("name", "x")).status()).isEqualTo(403);
		assertThat(s3.get("/console/postings/" + this.p1).status()).isEqualTo(403);
		assertThat(s3.get("/console/devices/d1").status()).isEqualTo(403);
		assertThat(this.server.get("/api/v1/postings/" + this.p1).json().get("status").asString()).isEqualTo("DRAFT");
	}

	@Test
	void eachRoleKeepsToItsPermissionsAtItsOwnSchool() {
		ConsoleSession editor = ConsoleSession.signIn(this.server.url(), "s1-editor", PASSWORD);
		ConsoleSession reviewer = ConsoleSession.signIn(this.server.url(), "s1-reviewer", PASSWORD);
		// screens are managed by administrators
		assertThat(editor.post("/console/devices/d1/tags", Map.of("tags", "lobby")).status()).isEqualTo(403);
		assertThat(editor.post("/console/devices/d1/provision", Map.of()).status()).isEqualTo(403);
		assertThat(editor.post("/console/devices/d1/revoke", Map.of()).status()).isEqualTo(403);
		// reviewers review, editors edit
		assertThat(editor.post("/console/review/" + this.p1, Map.of("decision", "REJECT", "reason", "x")).status())
			.isEqualTo(403);
		assertThat(reviewer.post("/console/postings/" + this.p1, form("改")).status()).isEqualTo(403);
		assertThat(reviewer.post("/console/postings/" + this.p1 + "/submit", Map.of()).status()).isEqualTo(403);
		// and what they may do works
		RunningServer.Response saved = editor.post("/console/postings/" + this.p1, form("新标题"));
		assertThat(saved.status()).isEqualTo(302);
		assertThat(saved.body()).endsWith("/console/postings/" + this.p1);
		assertThat(this.server.get("/api/v1/postings/" + this.p1).json().get("title").asString()).isEqualTo("新标题");
	}

	@Test
	void theApiOnASessionCookieNeedsTheCsrfTokenWhileHttpBasicDoesNot() {
		ConsoleSession admin = ConsoleSession.signIn(this.server.url(), "admin", RunningServer.ADMIN_PASSWORD);
		String region = "{\"id\":\"r-csrf\",\"name\":\"跨站区\"}";

		// a page elsewhere can make the browser send the cookie, not the token
		assertThat(admin.postJson("/api/v1/regions", region, false).status()).isEqualTo(403);
		assertThat(this.server.get("/api/v1/schools").body()).doesNotContain("r-csrf");
		assertThat(admin.postJson("/api/v1/regions", region, true).status()).isEqualTo(201);
		assertThat(this.server.post("/api/v1/regions", Map.of("id", "r-basic", "name", "基本认证区")).status())
			.isEqualTo(201);
	}

	@Test
	void anAdministratorManagesTheScreenFromTheConsole() {
		ConsoleSession admin = ConsoleSession.signIn(this.server.url(), "admin", RunningServer.ADMIN_PASSWORD);
		assertThat(admin.post("/console/devices/d1/tags", Map.of("tags", "lobby, staff-room")).status()).isEqualTo(302);
		assertThat(this.server.get("/api/v1/devices").body()).contains("d1");
		assertThat(admin.post("/console/devices/d1/tags", Map.of("tags", "bad tag!")).body())
			.endsWith("/console/devices/d1");
		RunningServer.Response bundle = admin.post("/console/devices/d1/provision", Map.of());
		assertThat(bundle.status()).isEqualTo(200);
		assertThat(bundle.body()).contains("device.id=d1").contains("device.secret=");
		RunningServer.Response page = admin.get("/console/devices/d1");
		assertThat(page.body()).contains("lobby").contains("staff-room");
	}

	@Test
	void theEditorAndItsPreviewWorkForEveryKindInEveryProfile() {
		ConsoleSession admin = ConsoleSession.signIn(this.server.url(), "admin", RunningServer.ADMIN_PASSWORD);
		for (String kind : KindCatalog.standard().ids()) {
			RunningServer.Response editor = admin.get("/console/postings/new?schoolId=s1&kind=" + kind);
			assertThat(editor.status()).as(kind).isEqualTo(200);
			assertThat(editor.body()).as(kind).contains("name=\"kind\" value=\"" + kind + "\"");
			for (String profile : new String[] { "landscape", "portrait", "kiosk" }) {
				RunningServer.Response preview = admin.post("/console/postings/preview?profile=" + profile,
						Map.of("schoolId", "s1", "kind", kind, "title", "预览标题 " + kind, "body", "正文"));
				assertThat(preview.status()).as(kind + " " + profile).isEqualTo(200);
				assertThat(preview.body()).as(kind + " " + profile)
					.contains("preview-" + profile)
					.contains("<article")
					.contains("预览标题 " + kind);
			}
		}
		RunningServer.Response css = admin.get("/console/preview.css");
		assertThat(css.body()).contains(".posting").contains("body.preview-portrait");
	}

	@Test
	void theAuditPageFiltersAndLinksTheSameSelectionAsCsv() {
		ConsoleSession auditor = ConsoleSession.signIn(this.server.url(), "admin", RunningServer.ADMIN_PASSWORD);
		RunningServer.Response page = auditor.get("/console/audit?schoolId=s1&action=posting.&from=2020-01-01&to=");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("posting.created")
			.contains("posting.approved")
			.doesNotContain("school.created");
		assertThat(page.body())
			.contains("/api/v1/audit/export?schoolId=s1&amp;action=posting.&amp;from=2019-12-31T16:00:00Z");
		RunningServer.Response refused = ConsoleSession.signIn(this.server.url(), "s1-editor", PASSWORD)
			.get("/console/audit");
		assertThat(refused.status()).isEqualTo(403);
	}

	private static Map<String, String> form(String title) {
		return Map.of("title", title, "body", "正文", "publicityStart", "2026-11-20T08:00", "publicityEnd",
				"2026-12-30T08:00");
	}

}
