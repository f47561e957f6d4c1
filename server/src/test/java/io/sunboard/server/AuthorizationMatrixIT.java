package io.sunboard.server;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every console and API route, for every role and scope, through one table: who gets what
 * status. Two regions; school s1 in r1 is "ours", s3 in r2 belongs to someone else. A
 * route the application has but the table lacks fails the test, so a new route cannot
 * ship without its row.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// some 600 requests, each checking a bcrypt password, and the first PDF print: minutes on
// a loaded two-core machine
@Timeout(600)
class AuthorizationMatrixIT {

	private static final String PASSWORD = "matrix-password-1";

	/** Account columns, in the order of each row's expected statuses. */
	private static final List<String> ACCOUNTS = List.of("admin", "r1-admin", "s1-editor", "s1-reviewer", "r1-auditor",
			"s3-editor", "anonymous");

	/** Either a login redirect or a Basic challenge: not in. */
	private static final int UNAUTHENTICATED = -1;

	private static final String REPORT_RANGE = "&from=2026-11-01&to=2026-11-30";

	private final AtomicInteger unique = new AtomicInteger();

	private RunningServer server;

	private String p1;

	private String p3;

	private String editable1;

	private String d1;

	@BeforeAll
	void seed(@TempDir Path dir) {
		// every request comes from 127.0.0.1; the per-address limits are tested in
		// WebProtectionIT and would otherwise refuse the table's many rows
		this.server = RunningServer.embedded(dir)
			.with("sunboard.rate-limit.public-per-minute", 1_000_000)
			.with("sunboard.rate-limit.login-per-minute", 1_000_000)
			.start();
		created(this.server.post("/api/v1/regions", Map.of("id", "r1", "name", "一区")));
		created(this.server.post("/api/v1/regions", Map.of("id", "r2", "name", "二区")));
		created(this.server.post("/api/v1/schools", Map.of("id", "s1", "regionId", "r1", "name", "一小")));
		created(this.server.post("/api/v1/schools", Map.of("id", "s3", "regionId", "r2", "name", "三小")));
		account("r1-admin", "DISTRICT_ADMIN", "REGION", "r1");
		account("s1-editor", "SCHOOL_EDITOR", "SCHOOL", "s1");
		account("s1-reviewer", "REVIEWER", "SCHOOL", "s1");
		account("r1-auditor", "AUDITOR", "REGION", "r1");
		account("s3-editor", "SCHOOL_EDITOR", "SCHOOL", "s3");
		this.d1 = newDevice("s1");
		this.p1 = this.server.createApprovedPosting(posting("s1"));
		this.p3 = this.server.createApprovedPosting(posting("s3"));
		this.editable1 = created(this.server.post("/api/v1/postings", posting("s1"))).json().get("id").asString();
	}

	@AfterAll
	void stop() {
		this.server.close();
	}

	@Test
	void everyRouteAnswersEveryAccountAsTheTableSays() {
		List<String> mismatches = new ArrayList<>();
		for (Row row : rows()) {
			for (int i = 0; i < ACCOUNTS.size(); i++) {
				String account = ACCOUNTS.get(i);
				int expected = row.expected()[i];
				RunningServer.Response response = this.server.send(row.method(), row.path().get(), row.body().get(),
						account.equals("anonymous") ? null : account,
						account.equals("admin") ? RunningServer.ADMIN_PASSWORD : PASSWORD);
				boolean ok = (expected == UNAUTHENTICATED) ? (response.status() == 401 || response.status() == 302)
						: response.status() == expected;
				if (!ok) {
					mismatches.add(row.method() + " " + row.route() + " as " + account + ": expected " + expected
							+ ", got " + response.status() + " " + abbreviate(response.body()));
				}
			}
		}
		assertThat(mismatches).isEmpty();
	}

	@Test
	void theTableCoversEveryRouteTheApplicationHas() {
		Set<String> routes = new TreeSet<>();
		Map<RequestMappingInfo, ?> handlers = this.server
			.bean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class)
			.getHandlerMethods();
		for (RequestMappingInfo info : handlers.keySet()) {
			for (String pattern : info.getPatternValues()) {
				if (pattern.equals("/error")) {
					continue;
				}
				info.getMethodsCondition().getMethods().forEach((m) -> routes.add(m.name() + " " + pattern));
			}
		}
		Set<String> covered = new TreeSet<>();
		rows().forEach((row) -> covered.add(row.method() + " " + row.route()));
		assertThat(covered).containsAll(routes);
	}

	@Test
	void listsShowOnlyWhatTheScopeCovers() {
		RunningServer.Response postings = this.server.send("GET", "/api/v1/postings", null, "s1-editor", PASSWORD);
		assertThat(postings.body()).contains(this.p1).doesNotContain(this.p3);
		RunningServer.Response schools = this.server.send("GET", "/api/v1/schools", null, "s3-editor", PASSWORD);
		assertThat(schools.body()).contains("\"s3\"").doesNotContain("\"s1\"");
		RunningServer.Response console = this.server.send("GET", "/", null, "s3-editor", PASSWORD);
		assertThat(console.body()).doesNotContain(this.p1).contains(this.p3);
	}

	private List<Row> rows() {
		// columns: admin, r1-admin, s1-editor, s1-reviewer, r1-auditor, s3-editor,
		// anonymous
		int u = UNAUTHENTICATED;
		return List.of(row("POST", "/api/v1/regions", () -> "/api/v1/regions",
				() -> Map.of("id", "r-" + this.unique.incrementAndGet(), "name", "区"), 201, 403, 403, 403, 403, 403, u),
				row("POST", "/api/v1/schools", () -> "/api/v1/schools",
						() -> Map.of("id", "s-" + this.unique.incrementAndGet(), "regionId", "r1", "name", "校"), 201,
						201, 403, 403, 403, 403, u),
				row("GET", "/api/v1/schools", () -> "/api/v1/schools", () -> null, 200, 200, 200, 200, 200, 200, u),
				row("POST", "/api/v1/devices", () -> "/api/v1/devices",
						() -> Map.of("id", "d-" + this.unique.incrementAndGet(), "schoolId", "s1", "name", "屏"), 201,
						201, 403, 403, 403, 403, u),
				row("POST", "/api/v1/devices", () -> "/api/v1/devices",
						() -> Map.of("id", "d-" + this.unique.incrementAndGet(), "schoolId", "s3", "name", "屏"), 201,
						403, 403, 403, 403, 403, u),
				row("GET", "/api/v1/devices", () -> "/api/v1/devices", () -> null, 200, 200, 200, 200, 200, 200, u),
				row("PUT", "/api/v1/devices/{id}", () -> "/api/v1/devices/" + this.d1, () -> Map.of("name", "新名字"), 200,
						200, 403, 403, 403, 403, u),
				row("POST", "/api/v1/devices/{id}/provision", () -> "/api/v1/devices/" + this.d1 + "/provision",
						() -> "{}", 200, 200, 403, 403, 403, 403, u),
				row("POST", "/api/v1/devices/{id}/revoke", () -> "/api/v1/devices/" + newDevice("s1") + "/revoke",
						() -> "{}", 204, 204, 403, 403, 403, 403, u),
				row("POST", "/api/v1/devices/{deviceId}/commands", () -> "/api/v1/devices/" + this.d1 + "/commands",
						() -> Map.of("name", "refresh", "ttlSeconds", 60), 201, 201, 403, 403, 403, 403, u),
				row("GET", "/api/v1/devices/{deviceId}/commands", () -> "/api/v1/devices/" + this.d1 + "/commands",
						() -> null, 200, 200, 200, 200, 200, 403, u),
				row("GET", "/api/v1/commands/{commandId}", () -> "/api/v1/commands/" + newCommand(this.d1), () -> null,
						200, 200, 200, 200, 200, 403, u),
				// no screenshot yet: 404 once access is granted
				row("GET", "/api/v1/devices/{deviceId}/screenshot", () -> "/api/v1/devices/" + this.d1 + "/screenshot",
						() -> null, 404, 404, 404, 404, 404, 403, u),
				row("PUT", "/device-api/v1/screenshots/{commandId}", () -> "/device-api/v1/screenshots/c-1", () -> null,
						401, 401, 401, 401, 401, 401, 401),
				// the server's clock, for screens to measure their offset: public
				row("GET", "/device-api/v1/time", () -> "/device-api/v1/time", () -> null, 200, 200, 200, 200, 200, 200,
						200),
				row("GET", "/api/v1/registrations", () -> "/api/v1/registrations", () -> null, 200, 200, 200, 200, 200,
						200, u),
				row("POST", "/api/v1/registrations/{id}/authorize",
						() -> "/api/v1/registrations/" + newRegistration("s1") + "/authorize",
						() -> Map.of("deviceId", "d-" + this.unique.incrementAndGet()), 200, 200, 403, 403, 403, 403,
						u),
				row("POST", "/api/v1/registrations/{id}/reject",
						() -> "/api/v1/registrations/" + newRegistration("s3") + "/reject", () -> "{}", 200, 403, 403,
						403, 403, 403, u),
				// screens register without an account; staff credentials change nothing
				row("POST", "/device-api/v1/registrations", () -> "/device-api/v1/registrations",
						() -> Map.of("schoolId", "s1", "name", "新屏"), 201, 201, 201, 201, 201, 201, 201),
				row("GET", "/device-api/v1/registrations/{id}",
						() -> "/device-api/v1/registrations/" + newRegistration("s1"), () -> null, 401, 401, 401, 401,
						401, 401, 401),
				row("POST", "/api/v1/postings", () -> "/api/v1/postings", () -> posting("s1"), 201, 201, 201, 403, 403,
						403, u),
				row("POST", "/api/v1/postings", () -> "/api/v1/postings", () -> posting("s3"), 201, 403, 403, 403, 403,
						201, u),
				row("GET", "/api/v1/postings", () -> "/api/v1/postings", () -> null, 200, 200, 200, 200, 200, 200, u),
				row("GET", "/api/v1/postings/{id}", () -> "/api/v1/postings/" + this.p1, () -> null, 200, 200, 200, 200,
						200, 403, u),
				row("GET", "/api/v1/postings/{id}", () -> "/api/v1/postings/" + this.p3, () -> null, 200, 403, 403, 403,
						403, 200, u),
				row("PUT", "/api/v1/postings/{id}", () -> "/api/v1/postings/" + this.editable1, () -> posting("s1"),
						200, 200, 200, 403, 403, 403, u),
				// an approved posting cannot be submitted again: a conflict for those
				// allowed to try
				row("POST", "/api/v1/postings/{id}/submit", () -> "/api/v1/postings/" + this.p3 + "/submit", () -> "{}",
						409, 403, 403, 403, 403, 409, u),
				// a decision without the confidentiality review's basis is refused once
				// access is granted
				row("POST", "/api/v1/postings/{id}/review", () -> "/api/v1/postings/" + this.p1 + "/review",
						() -> Map.of("decision", "APPROVE"), 400, 400, 403, 400, 403, 403, u),
				row("GET", "/api/v1/postings/{id}/reviews", () -> "/api/v1/postings/" + this.p1 + "/reviews",
						() -> null, 200, 200, 200, 200, 200, 403, u),
				row("GET", "/api/v1/audit", () -> "/api/v1/audit", () -> null, 200, 200, 403, 403, 200, 403, u),
				row("GET", "/api/v1/audit/export", () -> "/api/v1/audit/export", () -> null, 200, 200, 403, 403, 200,
						403, u),
				row("POST", "/api/v1/postings/{id}/withdraw", () -> "/api/v1/postings/" + newDraft("s1") + "/withdraw",
						() -> "{}", 200, 200, 200, 403, 403, 403, u),
				row("POST", "/api/v1/postings/{id}/schedule", () -> "/api/v1/postings/" + this.p1 + "/schedule",
						this::window, 201, 201, 201, 403, 403, 403, u),
				row("PUT", "/api/v1/postings/{id}/schedule/{entryId}",
						() -> "/api/v1/postings/" + this.p1 + "/schedule/" + newEntry(this.p1), this::window, 200, 200,
						200, 403, 403, 403, u),
				row("DELETE", "/api/v1/postings/{id}/schedule/{entryId}",
						() -> "/api/v1/postings/" + this.p1 + "/schedule/" + newEntry(this.p1), () -> null, 204, 204,
						204, 403, 403, 403, u),
				row("PUT", "/api/v1/devices/{id}/tags", () -> "/api/v1/devices/" + this.d1 + "/tags",
						() -> Map.of("tags", List.of("lobby")), 200, 200, 403, 403, 403, 403, u),
				row("GET", "/api/v1/devices/{id}/now-and-next", () -> "/api/v1/devices/" + this.d1 + "/now-and-next",
						() -> null, 200, 200, 200, 200, 200, 403, u),
				row("POST", "/api/v1/alerts", () -> "/api/v1/alerts",
						() -> Map.of("scope", "school", "id", "s1", "text", "今日停课"), 201, 201, 201, 403, 403, 403, u),
				row("POST", "/api/v1/alerts", () -> "/api/v1/alerts",
						() -> Map.of("scope", "region", "id", "r1", "text", "今日停课"), 201, 201, 403, 403, 403, 403, u),
				row("DELETE", "/api/v1/alerts/{scope}/{id}", this::alertInForceAtS1, () -> null, 204, 204, 204, 403,
						403, 403, u),
				row("GET", "/api/v1/postings/{id}/schedule", () -> "/api/v1/postings/" + this.p1 + "/schedule",
						() -> null, 200, 200, 200, 200, 200, 403, u),
				row("GET", "/api/v1/postings/{id}/proof-of-play",
						() -> "/api/v1/postings/" + this.p3 + "/proof-of-play", () -> null, 200, 403, 403, 403, 403,
						200, u),
				row("POST", "/api/v1/accounts", () -> "/api/v1/accounts", () -> newAccount("s1"), 201, 201, 403, 403,
						403, 403, u),
				row("POST", "/api/v1/accounts", () -> "/api/v1/accounts", () -> newAccount("s3"), 201, 403, 403, 403,
						403, 403, u),
				row("GET", "/api/v1/accounts", () -> "/api/v1/accounts", () -> null, 200, 200, 403, 403, 200, 403, u),
				// a wrong current password: reachable by everyone signed in, refused with
				// a reason
				row("POST", "/api/v1/account/password", () -> "/api/v1/account/password",
						() -> Map.of("currentPassword", "wrong-password", "newPassword", "another-password-2"), 400,
						400, 400, 400, 400, 400, u),
				row("GET", "/", () -> "/", () -> null, 200, 200, 200, 200, 200, 200, u),
				row("GET", "/account/password", () -> "/account/password", () -> null, 200, 200, 200, 200, 200, 200, u),
				// console forms need the CSRF token of a browser session
				row("POST", "/account/password", () -> "/account/password", () -> null, 403, 403, 403, 403, 403, 403,
						403),
				// staff accounts are not device tokens
				row("GET", "/device-api/v1/content/{sha256}", () -> "/device-api/v1/content/" + "a".repeat(64),
						() -> null, 401, 401, 401, 401, 401, 401, 401),
				// dashboard routes
				row("GET", "/console/dashboard", () -> "/console/dashboard", () -> null, 200, 200, 200, 200, 200, 200,
						u),
				row("GET", "/api/v1/dashboard", () -> "/api/v1/dashboard", () -> null, 200, 200, 200, 200, 200, 200, u),
				row("GET", "/api/v1/dashboard", () -> "/api/v1/dashboard?schoolId=s1&health=stale", () -> null, 200,
						200, 200, 200, 200, 403, u),
				// the WebSocket: signed-in staff reach the handshake (400: not an
				// upgrade); its scope and origin checks are in DashboardIT
				row("GET", "/console/dashboard/ws", () -> "/console/dashboard/ws", () -> null, 400, 400, 400, 400, 400,
						400, u),
				// console routes
				row("GET", "/console/postings", () -> "/console/postings", () -> null, 200, 200, 200, 200, 200, 200, u),
				row("GET", "/console/postings/new", () -> "/console/postings/new?schoolId=s1&kind=fee-notice",
						() -> null, 200, 200, 200, 403, 403, 403, u),
				row("GET", "/console/postings/{id}", () -> "/console/postings/" + this.p1, () -> null, 200, 200, 200,
						200, 200, 403, u),
				row("GET", "/console/postings/{id}/preview", () -> "/console/postings/" + this.p1 + "/preview",
						() -> null, 200, 200, 200, 200, 200, 403, u),
				row("GET", "/console/preview.css", () -> "/console/preview.css", () -> null, 200, 200, 200, 200, 200,
						200, u),
				row("GET", "/console/review", () -> "/console/review", () -> null, 200, 200, 200, 200, 200, 200, u),
				row("GET", "/console/review/{id}", () -> "/console/review/" + this.p1, () -> null, 200, 200, 403, 200,
						403, 403, u),
				row("GET", "/console/schedule", () -> "/console/schedule?schoolId=s1", () -> null, 200, 200, 200, 200,
						200, 403, u),
				row("GET", "/console/devices", () -> "/console/devices", () -> null, 200, 200, 200, 200, 200, 200, u),
				row("GET", "/console/devices/{id}", () -> "/console/devices/" + this.d1, () -> null, 200, 200, 200, 200,
						200, 403, u),
				row("GET", "/console/audit", () -> "/console/audit", () -> null, 200, 200, 403, 403, 200, 403, u),
				// everyone signed in sees the alerts in force on their screens; the form
				// lists only what the account may alert (ConsoleAlertsIT)
				row("GET", "/console/alerts", () -> "/console/alerts", () -> null, 200, 200, 200, 200, 200, 200, u),
				// console forms need the CSRF token of a browser session
				// (ConsoleFormsAuthorizationIT posts them with one)
				consoleForm("/console/postings", () -> "/console/postings"),
				consoleForm("/console/postings/{id}", () -> "/console/postings/" + this.p1),
				consoleForm("/console/postings/{id}/submit", () -> "/console/postings/" + this.p1 + "/submit"),
				consoleForm("/console/postings/{id}/withdraw", () -> "/console/postings/" + this.p1 + "/withdraw"),
				consoleForm("/console/postings/preview", () -> "/console/postings/preview"),
				consoleForm("/console/review/{id}", () -> "/console/review/" + this.p1),
				consoleForm("/console/postings/{id}/schedule", () -> "/console/postings/" + this.p1 + "/schedule"),
				consoleForm("/console/postings/{id}/schedule/{entryId}/delete",
						() -> "/console/postings/" + this.p1 + "/schedule/s-1/delete"),
				consoleForm("/console/devices/{id}/rename", () -> "/console/devices/" + this.d1 + "/rename"),
				consoleForm("/console/devices/{id}/tags", () -> "/console/devices/" + this.d1 + "/tags"),
				consoleForm("/console/devices/{id}/provision", () -> "/console/devices/" + this.d1 + "/provision"),
				consoleForm("/console/devices/{id}/revoke", () -> "/console/devices/" + this.d1 + "/revoke"),
				consoleForm("/console/registrations/{id}/authorize", () -> "/console/registrations/reg-1/authorize"),
				consoleForm("/console/registrations/{id}/reject", () -> "/console/registrations/reg-1/reject"),
				consoleForm("/console/alerts", () -> "/console/alerts"),
				consoleForm("/console/alerts/{scope}/{id}/clear", () -> "/console/alerts/school/s1/clear"),
				// feedback, compliance and annual report routes
				row("GET", "/api/v1/feedback", () -> "/api/v1/feedback", () -> null, 200, 200, 200, 200, 200, 200, u),
				row("GET", "/api/v1/feedback", () -> "/api/v1/feedback?schoolId=s1", () -> null, 200, 200, 200, 200,
						200, 403, u),
				row("GET", "/api/v1/feedback", () -> "/api/v1/feedback?regionId=r1", () -> null, 200, 200, 403, 403,
						200, 403, u),
				row("GET", "/api/v1/feedback/{id}", () -> "/api/v1/feedback/" + newFeedback("s1", null), () -> null,
						200, 200, 200, 200, 200, 403, u),
				row("POST", "/api/v1/feedback", () -> "/api/v1/feedback", () -> feedback("s1"), 201, 201, 201, 403, 403,
						403, u),
				row("POST", "/api/v1/feedback", () -> "/api/v1/feedback", () -> feedback("s3"), 201, 403, 403, 403, 403,
						201, u),
				row("POST", "/api/v1/feedback/{id}/assign",
						() -> "/api/v1/feedback/" + newFeedback("s1", null) + "/assign",
						() -> Map.of("assignee", "s1-reviewer"), 200, 200, 200, 403, 403, 403, u),
				// the assignee may answer without the edit permission
				row("POST", "/api/v1/feedback/{id}/reply",
						() -> "/api/v1/feedback/" + newFeedback("s1", "s1-reviewer") + "/reply",
						() -> Map.of("reply", "已答复"), 200, 200, 200, 200, 403, 403, u),
				row("GET", "/device-api/v1/feedback-replies", () -> "/device-api/v1/feedback-replies", () -> null, 401,
						401, 401, 401, 401, 401, 401),
				row("GET", "/api/v1/compliance", () -> "/api/v1/compliance?schoolId=s1", () -> null, 200, 200, 200, 200,
						200, 403, u),
				row("GET", "/api/v1/compliance", () -> "/api/v1/compliance?regionId=r1&year=2026", () -> null, 200, 200,
						403, 403, 200, 403, u),
				row("GET", "/api/v1/evaluations", () -> "/api/v1/evaluations?schoolId=s3", () -> null, 200, 403, 403,
						403, 403, 200, u),
				row("GET", "/api/v1/compliance/catalogue/{schoolId}", () -> "/api/v1/compliance/catalogue/s1",
						() -> null, 200, 200, 200, 200, 200, 403, u),
				row("PUT", "/api/v1/compliance/catalogue/{schoolId}", () -> "/api/v1/compliance/catalogue/s1",
						() -> Map.of("requirements",
								List.of(Map.of("kind", "finance", "cadence", "YEAR", "periods",
										List.of(Map.of("name", "year", "from", "01-01", "due", "06-30"))))),
						200, 200, 403, 403, 403, 403, u),
				row("DELETE", "/api/v1/compliance/catalogue/{schoolId}", () -> "/api/v1/compliance/catalogue/s3",
						() -> null, 200, 403, 403, 403, 403, 403, u),
				row("PUT", "/api/v1/postings/{id}/information-formed-on",
						() -> "/api/v1/postings/" + this.p1 + "/information-formed-on",
						() -> Map.of("informationFormedOn", "2026-01-05"), 200, 200, 200, 403, 403, 403, u),
				row("GET", "/api/v1/annual-reports", () -> "/api/v1/annual-reports?schoolId=s1&year=2026&format=csv",
						() -> null, 200, 200, 200, 200, 200, 403, u),
				row("GET", "/api/v1/annual-reports", () -> "/api/v1/annual-reports?regionId=r1&year=2026", () -> null,
						200, 200, 403, 403, 200, 403, u),
				row("GET", "/console/feedback", () -> "/console/feedback", () -> null, 200, 200, 200, 200, 200, 200, u),
				row("GET", "/console/feedback", () -> "/console/feedback?schoolId=s3", () -> null, 200, 403, 403, 403,
						403, 200, u),
				// console forms need the CSRF token of a browser session
				row("POST", "/console/feedback", () -> "/console/feedback", () -> null, 403, 403, 403, 403, 403, 403,
						403),
				row("POST", "/console/feedback/{id}/assign", () -> "/console/feedback/fb-0/assign", () -> null, 403,
						403, 403, 403, 403, 403, 403),
				row("POST", "/console/feedback/{id}/reply", () -> "/console/feedback/fb-0/reply", () -> null, 403, 403,
						403, 403, 403, 403, 403),
				row("GET", "/console/compliance", () -> "/console/compliance", () -> null, 200, 200, 200, 200, 200, 200,
						u),
				row("GET", "/console/compliance", () -> "/console/compliance?regionId=r1", () -> null, 200, 200, 403,
						403, 200, 403, u),
				row("GET", "/console/annual-report", () -> "/console/annual-report?schoolId=s1", () -> null, 200, 200,
						200, 200, 200, 403, u),
				// content publishing routes
				// not a multipart upload: refused with a reason once access is granted
				// (any
				// editor: the import stores nothing at any school)
				row("POST", "/api/v1/table-imports", () -> "/api/v1/table-imports?kind=admission&table=results",
						() -> "{}", 400, 400, 400, 403, 403, 400, u),
				row("POST", "/api/v1/postings/{id}/attachments",
						() -> "/api/v1/postings/" + this.editable1 + "/attachments", () -> "{}", 400, 400, 400, 403,
						403, 403, u),
				row("DELETE", "/api/v1/postings/{id}/attachments/{sha256}",
						() -> "/api/v1/postings/" + this.editable1 + "/attachments/" + "a".repeat(64), () -> null, 404,
						404, 404, 403, 403, 403, u),
				row("GET", "/api/v1/postings/{id}/print.pdf", () -> "/api/v1/postings/" + this.p1 + "/print.pdf",
						() -> null, 200, 200, 200, 200, 200, 403, u),
				// public pages: anyone, signed in or not
				row("GET", "/public/postings/{id}", () -> "/public/postings/" + this.p1, () -> null, 200, 200, 200, 200,
						200, 200, 200),
				row("GET", "/public/schools/{schoolId}", () -> "/public/schools/s1", () -> null, 200, 200, 200, 200,
						200, 200, 200),
				row("GET", "/public/schools/{schoolId}/feed.atom", () -> "/public/schools/s1/feed.atom", () -> null,
						200, 200, 200, 200, 200, 200, 200),
				// no public posting holds this file
				row("GET", "/public/attachments/{sha256}", () -> "/public/attachments/" + "a".repeat(64), () -> null,
						404, 404, 404, 404, 404, 404, 404),
				row("GET", "/public/css/posting.css", () -> "/public/css/posting.css", () -> null, 200, 200, 200, 200,
						200, 200, 200),
				// proof-of-play report routes: a school's staff see their school's
				// reports,
				// auditors and district admins their region's, the system admin all
				row("GET", "/api/v1/reports/proof-of-play",
						() -> "/api/v1/reports/proof-of-play?postingId=" + this.p1 + REPORT_RANGE, () -> null, 200, 200,
						200, 200, 200, 403, u),
				row("GET", "/api/v1/reports/proof-of-play",
						() -> "/api/v1/reports/proof-of-play?schoolId=s3" + REPORT_RANGE, () -> null, 200, 403, 403,
						403, 403, 200, u),
				row("GET", "/api/v1/reports/proof-of-play",
						() -> "/api/v1/reports/proof-of-play?regionId=r1" + REPORT_RANGE, () -> null, 200, 200, 403,
						403, 200, 403, u),
				row("GET", "/api/v1/reports/proof-of-play.csv",
						() -> "/api/v1/reports/proof-of-play.csv?deviceId=" + this.d1 + REPORT_RANGE, () -> null, 200,
						200, 200, 200, 200, 403, u),
				row("GET", "/api/v1/reports/proof-of-play.pdf",
						() -> "/api/v1/reports/proof-of-play.pdf?schoolId=s1" + REPORT_RANGE, () -> null, 200, 200, 200,
						200, 200, 403, u),
				row("GET", "/console/reports", () -> "/console/reports", () -> null, 200, 200, 200, 200, 200, 200, u),
				row("GET", "/console/reports", () -> "/console/reports?schoolId=s1" + REPORT_RANGE, () -> null, 200,
						200, 200, 200, 200, 403, u),
				// Actuator (metrics): the system administrator only
				row("GET", "/actuator/metrics", () -> "/actuator/metrics/sunboard.ingest.events", () -> null, 200, 403,
						403, 403, 403, 403, u));
	}

	/**
	 * A fresh feedback item (as the administrator), assigned when {@code assignee} is
	 * given.
	 */
	private String newFeedback(String school, String assignee) {
		String id = created(this.server.post("/api/v1/feedback", feedback(school))).json().get("id").asString();
		if (assignee != null) {
			assertThat(this.server.post("/api/v1/feedback/" + id + "/assign", Map.of("assignee", assignee)).status())
				.isEqualTo(200);
		}
		return id;
	}

	private static Map<String, Object> feedback(String school) {
		return Map.of("schoolId", school, "kind", "COMPLAINT", "channel", "PHONE", "text", "收费有疑问", "contact",
				"13812345678");
	}

	private String newCommand(String device) {
		return created(this.server.post("/api/v1/devices/" + device + "/commands",
				Map.of("name", "identify", "ttlSeconds", 60)))
			.json()
			.get("id")
			.asString();
	}

	/**
	 * Raises an alert at s1 (as the administrator) so that clearing it has something to
	 * clear.
	 */
	private String alertInForceAtS1() {
		created(this.server.post("/api/v1/alerts", Map.of("scope", "school", "id", "s1", "text", "演练")));
		return "/api/v1/alerts/school/s1";
	}

	/**
	 * A fresh schedule entry (as the administrator) for rows that replace or delete one.
	 */
	private String newEntry(String posting) {
		return created(this.server.post("/api/v1/postings/" + posting + "/schedule", window())).json()
			.get("id")
			.asString();
	}

	private String newDevice(String school) {
		String id = "d-" + this.unique.incrementAndGet();
		created(this.server.post("/api/v1/devices", Map.of("id", id, "schoolId", school, "name", "屏")));
		return id;
	}

	private String newRegistration(String school) {
		return created(this.server.send("POST", "/device-api/v1/registrations",
				Map.of("schoolId", school, "name", "新屏"), null, null))
			.json()
			.get("registrationId")
			.asString();
	}

	/** A fresh draft for each call of a route that changes its state for good. */
	private String newDraft(String school) {
		return created(this.server.post("/api/v1/postings", posting(school))).json().get("id").asString();
	}

	private Map<String, Object> window() {
		Instant now = Instant.now();
		return Map.of("startsAt", now.toString(), "endsAt", now.plusSeconds(3600).toString());
	}

	private Map<String, Object> newAccount(String school) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("username", "u-" + this.unique.incrementAndGet());
		body.put("password", "a-long-password-3");
		body.put("role", "SCHOOL_EDITOR");
		body.put("scopeType", "SCHOOL");
		body.put("scopeId", school);
		return body;
	}

	private static Map<String, Object> posting(String school) {
		Instant now = Instant.now();
		return Map.of("schoolId", school, "title", "通知", "body", "正文", "publicityStart", now.toString(), "publicityEnd",
				now.plusSeconds(86_400).toString());
	}

	private void account(String username, String role, String scopeType, String scopeId) {
		created(this.server.post("/api/v1/accounts", Map.of("username", username, "password", PASSWORD, "role", role,
				"scopeType", scopeType, "scopeId", scopeId)));
	}

	private static RunningServer.Response created(RunningServer.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response;
	}

	private static String abbreviate(String body) {
		return (body.length() > 160) ? body.substring(0, 160) + "…" : body;
	}

	/** A console form posted without a session's CSRF token: refused for everyone. */
	private static Row consoleForm(String route, Supplier<String> path) {
		return row("POST", route, path, () -> null, 403, 403, 403, 403, 403, 403, 403);
	}

	private static Row row(String method, String route, Supplier<String> path, Supplier<Object> body, int... expected) {
		assertThat(expected).hasSize(ACCOUNTS.size());
		return new Row(method, route, path, body, expected);
	}

	private record Row(String method, String route, Supplier<String> path, Supplier<Object> body, int[] expected) {

	}

}
