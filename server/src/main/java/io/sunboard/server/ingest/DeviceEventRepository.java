package io.sunboard.server.ingest;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.sunboard.protocol.DeviceEvent;
import io.sunboard.protocol.EventType;
import io.sunboard.server.system.Jdbc;

/**
 * Device events keyed by (device, event id): a second delivery of the same event changes
 * nothing. A new batch costs one key lookup and one JDBC batch insert; one that repeats
 * stored events, one query more for the ids already stored.
 */
@Repository
class DeviceEventRepository {

	private static final String INSERT = "insert into device_event (device_id, event_id, type, occurred_at,"
			+ " manifest_version, posting_id, duration_ms, received_at, play_count, last_at, command_id, outcome,"
			+ " detail, helpful) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

	private static final String INSERT_FEEDBACK = "insert into kiosk_feedback (device_id, event_id, category, text,"
			+ " contact, posting_id, submitted_at, received_at) values (?, ?, ?, ?, ?, ?, ?, ?)";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	DeviceEventRepository(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/**
	 * Inserts the events not stored yet and returns them. An event stored before (a
	 * redelivery, or another server instance storing it at the same moment) makes the
	 * insert fail with a duplicate key, and the caller retries the whole transaction with
	 * {@code lookFirst}, which leaves out what is stored.
	 * @param lookFirst query the stored ids before inserting; without it a batch whose
	 * first event is new (the usual case) saves that query
	 */
	List<DeviceEvent> insertNew(String deviceId, List<DeviceEvent> events, Instant receivedAt, boolean lookFirst) {
		Map<String, DeviceEvent> byId = new LinkedHashMap<>();
		events.forEach((e) -> byId.putIfAbsent(e.id(), e)); // a batch may repeat an event
		if (byId.isEmpty()) {
			return List.of();
		}
		// a batch sent again after a lost acknowledgement repeats its first event: one
		// key lookup spares it a failed insert and a second attempt
		boolean look = lookFirst || isStored(deviceId, byId.keySet().iterator().next());
		Set<String> stored = look ? storedIds(deviceId, byId.keySet()) : Set.of();
		List<DeviceEvent> fresh = byId.values().stream().filter((e) -> !stored.contains(e.id())).toList();
		if (fresh.isEmpty()) {
			return fresh;
		}
		this.template.batchUpdate(INSERT, fresh, fresh.size(), (ps, e) -> bindEvent(ps, deviceId, e, receivedAt));
		List<DeviceEvent> feedback = fresh.stream().filter((e) -> e.type() == EventType.FEEDBACK).toList();
		if (!feedback.isEmpty()) {
			// the visitor's text and phone go to their own table, not the event log
			this.template.batchUpdate(INSERT_FEEDBACK, feedback, feedback.size(),
					(ps, e) -> bindFeedback(ps, deviceId, e, receivedAt));
		}
		return fresh;
	}

	private boolean isStored(String deviceId, String eventId) {
		return this.jdbc.sql("select count(*) from device_event where device_id = ? and event_id = ?")
			.params(deviceId, eventId)
			.query(Long.class)
			.single() > 0;
	}

	private Set<String> storedIds(String deviceId, Set<String> ids) {
		return new HashSet<>(
				this.jdbc.sql("select event_id from device_event where device_id = :device and event_id in (:ids)")
					.param("device", deviceId)
					.param("ids", ids)
					.query(String.class)
					.list());
	}

	private static void bindEvent(PreparedStatement ps, String deviceId, DeviceEvent e, Instant receivedAt)
			throws SQLException {
		ps.setString(1, deviceId);
		ps.setString(2, e.id());
		ps.setString(3, e.type().name());
		ps.setObject(4, Jdbc.utc(e.at()), Types.TIMESTAMP_WITH_TIMEZONE);
		ps.setObject(5, e.manifestVersion(), Types.BIGINT);
		ps.setObject(6, e.postingId(), Types.VARCHAR);
		ps.setObject(7, e.durationMs(), Types.BIGINT);
		ps.setObject(8, Jdbc.utc(receivedAt), Types.TIMESTAMP_WITH_TIMEZONE);
		ps.setObject(9, e.count(), Types.BIGINT);
		ps.setObject(10, Jdbc.utc(e.lastAt()), Types.TIMESTAMP_WITH_TIMEZONE);
		ps.setObject(11, e.commandId(), Types.VARCHAR);
		ps.setObject(12, e.outcome(), Types.VARCHAR);
		ps.setObject(13, e.detail(), Types.VARCHAR);
		ps.setObject(14, e.helpful(), Types.BOOLEAN);
	}

	private static void bindFeedback(PreparedStatement ps, String deviceId, DeviceEvent e, Instant receivedAt)
			throws SQLException {
		ps.setString(1, deviceId);
		ps.setString(2, e.id());
		ps.setString(3, e.category());
		ps.setString(4, e.text());
		ps.setObject(5, e.contact(), Types.VARCHAR);
		ps.setObject(6, e.postingId(), Types.VARCHAR);
		ps.setObject(7, Jdbc.utc(e.at()), Types.TIMESTAMP_WITH_TIMEZONE);
		ps.setObject(8, Jdbc.utc(receivedAt), Types.TIMESTAMP_WITH_TIMEZONE);
	}

}
