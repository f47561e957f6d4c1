package io.sunboard.server.alert;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.sunboard.server.system.Jdbc;

/** The alerts in force, with the exact payload that was published. */
@Repository
class AlertRepository {

	private final JdbcClient jdbc;

	AlertRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void save(AlertScope scope, String targetId, String payload, Instant issuedAt) {
		delete(scope, targetId);
		this.jdbc.sql("insert into active_alert (scope, target_id, payload, issued_at) values (?, ?, ?, ?)")
			.params(scope.name(), targetId, payload, Jdbc.utc(issuedAt))
			.update();
	}

	boolean delete(AlertScope scope, String targetId) {
		return this.jdbc.sql("delete from active_alert where scope = ? and target_id = ?")
			.params(scope.name(), targetId)
			.update() > 0;
	}

	List<Active> findAll() {
		return this.jdbc.sql("select scope, target_id, payload, issued_at from active_alert order by scope, target_id")
			.query((rs, row) -> new Active(AlertScope.valueOf(rs.getString("scope")), rs.getString("target_id"),
					rs.getString("payload"), Jdbc.instant(rs, "issued_at")))
			.list();
	}

	record Active(AlertScope scope, String targetId, String payload, Instant issuedAt) {
	}

}
