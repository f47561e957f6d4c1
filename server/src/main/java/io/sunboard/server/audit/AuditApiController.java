package io.sunboard.server.audit;

import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.sunboard.server.security.AccessPolicy;
import io.sunboard.server.security.Role;
import io.sunboard.server.security.SunboardUser;

/**
 * The audit log for auditors and administrators, filtered by their scope; JSON or CSV.
 */
@RestController
class AuditApiController {

	private final AuditLog log;

	private final AccessPolicy access;

	AuditApiController(AuditLog log, AccessPolicy access) {
		this.log = log;
		this.access = access;
	}

	@GetMapping("/api/v1/audit")
	List<AuditEvent> find(@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
			@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
			@RequestParam(required = false) String schoolId, @RequestParam(defaultValue = "500") int limit) {
		SunboardUser user = this.access.currentUser();
		if (user.role() != Role.AUDITOR && user.role() != Role.DISTRICT_ADMIN) {
			throw new AccessDeniedException("only auditors and administrators read the audit log");
		}
		List<AuditEvent> events = this.log.find(from, to, actor, action, schoolId, limit);
		return events.stream()
			.filter((e) -> (e.schoolId() != null)
					? this.access.allowed(io.sunboard.server.security.Permission.READ, e.schoolId())
					: user.scope().type() == io.sunboard.server.security.Scope.Type.ALL)
			.toList();
	}

	@GetMapping("/api/v1/audit/export")
	ResponseEntity<String> export(@RequestParam(required = false) Instant from,
			@RequestParam(required = false) Instant to, @RequestParam(required = false) String actor,
			@RequestParam(required = false) String action, @RequestParam(required = false) String schoolId) {
		StringBuilder csv = new StringBuilder("\uFEFFid,at,actor,action,school,subject,detail\r\n");
		for (AuditEvent e : find(from, to, actor, action, schoolId, 10_000)) {
			csv.append(e.id())
				.append(',')
				.append(e.at())
				.append(',')
				.append(cell(e.actor()))
				.append(',')
				.append(cell(e.action()))
				.append(',')
				.append(cell(e.schoolId()))
				.append(',')
				.append(cell(e.subject()))
				.append(',')
				.append(cell(e.detail()))
				.append("\r\n");
		}
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"sunboard-audit.csv\"")
			.body(csv.toString());
	}

	/** Quoted, and never starting with a formula character a spreadsheet would run. */
	private static String cell(String value) {
		if (value == null) {
			return "";
		}
		String safe = (!value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0) ? "'" + value : value;
		return "\"" + safe.replace("\"", "\"\"") + "\"";
	}

}
