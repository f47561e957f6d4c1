package io.sunboard.server.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.sunboard.server.system.Actor;
import io.sunboard.server.system.Jdbc;

/**
 * Appends to the audit log inside the caller's transaction, so a change and its audit
 * line are stored together or not at all.
 */
@Service
public class AuditLog {

	private final JdbcClient jdbc;

	private final Actor actor;

	private final Clock clock;

	AuditLog(JdbcClient jdbc, Actor actor, Clock clock) {
		this.jdbc = jdbc;
		this.actor = actor;
		this.clock = clock;
	}

	/**
	 * @param action what happened, e.g. {@code posting.approved}
	 * @param schoolId the school it concerns, for scoping; null for district-wide changes
	 * @param subject the id of what changed (posting, screen, account)
	 */
	public void record(String action, String schoolId, String subject, String detail) {
		this.jdbc
			.sql("insert into audit_event (at, actor, action, school_id, subject, detail) values (?, ?, ?, ?, ?, ?)")
			.params(Jdbc.utc(this.clock.instant()), this.actor.name(), action, schoolId, subject,
					(detail != null && detail.length() > 2000) ? detail.substring(0, 2000) : detail)
			.update();
	}

	/**
	 * Events matching every given filter (null filters match all), newest first, at most
	 * {@code limit}.
	 */
	public List<AuditEvent> find(Instant from, Instant to, String actor, String action, String schoolId, int limit) {
		StringBuilder sql = new StringBuilder("select * from audit_event where 1 = 1");
		List<Object> params = new ArrayList<>();
		filter(sql, params, "at >= ?", (from != null) ? Jdbc.utc(from) : null);
		filter(sql, params, "at < ?", (to != null) ? Jdbc.utc(to) : null);
		filter(sql, params, "actor = ?", actor);
		filter(sql, params, "action like ?", (action != null) ? action + "%" : null);
		filter(sql, params, "school_id = ?", schoolId);
		sql.append(" order by id desc limit ").append(Math.max(1, Math.min(limit, 10_000)));
		return this.jdbc.sql(sql.toString()).params(params).query(AuditLog::map).list();
	}

	private static void filter(StringBuilder sql, List<Object> params, String clause, Object value) {
		if (value != null) {
			sql.append(" and ").append(clause);
			params.add(value);
		}
	}

	private static AuditEvent map(ResultSet rs, int row) throws SQLException {
		return new AuditEvent(rs.getLong("id"), Jdbc.instant(rs, "at"), rs.getString("actor"), rs.getString("action"),
				rs.getString("school_id"), rs.getString("subject"), rs.getString("detail"));
	}

}
