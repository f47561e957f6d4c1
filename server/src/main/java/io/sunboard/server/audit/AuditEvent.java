package io.sunboard.server.audit;

import java.time.Instant;

/** One line of the audit log. */
public record AuditEvent(long id, Instant at, String actor, String action, String schoolId, String subject,
		String detail) {

}
