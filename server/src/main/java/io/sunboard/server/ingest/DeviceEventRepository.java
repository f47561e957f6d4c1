package io.sunboard.server.ingest;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
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
 * nothing. A bunch of new batches costs one key lookup and one JDBC batch insert; a batch
 * that repeats stored events, one query more for the ids already stored.
 */
@Repository
class DeviceEventRepository {

	private static final String INSERT = "insert into device_event (device_id, event_id, type, occurred_at,"
			+ " manifest_version, posting_id, duration_ms, received_at, play_count, last_at, command_id, outcome,"
			+ " detail, helpful) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

	private static final String INSERT_FEEDBACK = "insert into kiosk_feedback (device_id, event_id, category, text,"
			+ " contact, posting_id, submitted_at, received_at) values (?, ?, ?, ?, ?, ?, ?, ?)";

	/** Rows per JDBC batch of an insert. */
	private static final int JDBC_BATCH = 1000;

	/** Keys per lookup of stored events (two parameters each). */
	private static final int LOOKUP_CHUNK = 500;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	DeviceEventRepository(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/**
	 * Inserts the events of several devices' batches that are not stored yet, in one JDBC
	 * batch, and returns each batch's new events, in the order of {@code batches}. An
	 * event stored before (a redelivery, or another server instance storing it at the
	 * same moment) makes the insert fail with a duplicate key, and the caller retries the
	 * whole transaction with {@code lookFirst}, which leaves out what is stored.
	 * @param lookFirst query the stored ids of every batch before inserting; without it
	 * only the batches whose first event is stored (resends) are looked into, found by
	 * one query for all first events
	 */
	List<List<DeviceEvent>> insertNew(List<BatchStore.Batch> batches, Instant receivedAt, boolean lookFirst) {
		List<Map<String, DeviceEvent>> unique = new ArrayList<>();
		List<Key> firsts = new ArrayList<>();
		for (BatchStore.Batch batch : batches) {
			Map<String, DeviceEvent> byId = new LinkedHashMap<>();
			batch.events().forEach((e) -> byId.putIfAbsent(e.id(), e)); // a batch may
																		// repeat an event
			unique.add(byId);
			if (!byId.isEmpty()) {
				firsts.add(new Key(batch.deviceId(), byId.keySet().iterator().next()));
			}
		}
		// a batch sent again after a lost acknowledgement repeats its first event: one
		// lookup for the bunch spares it a failed insert and a second attempt
		Set<Key> storedFirsts = lookFirst ? Set.of() : stored(firsts);
		List<List<DeviceEvent>> fresh = new ArrayList<>();
		List<Row> rows = new ArrayList<>();
		for (int i = 0; i < batches.size(); i++) {
			String deviceId = batches.get(i).deviceId();
			Map<String, DeviceEvent> byId = unique.get(i);
			boolean look = !byId.isEmpty()
					&& (lookFirst || storedFirsts.contains(new Key(deviceId, byId.keySet().iterator().next())));
			Set<String> stored = look ? storedIds(deviceId, byId.keySet()) : Set.of();
			List<DeviceEvent> batchFresh = byId.values().stream().filter((e) -> !stored.contains(e.id())).toList();
			fresh.add(batchFresh);
			batchFresh.forEach((e) -> rows.add(new Row(deviceId, e)));
		}
		if (!rows.isEmpty()) {
			this.template.batchUpdate(INSERT, rows, JDBC_BATCH,
					(ps, row) -> bindEvent(ps, row.deviceId(), row.event(), receivedAt));
		}
		List<Row> feedback = rows.stream().filter((row) -> row.event().type() == EventType.FEEDBACK).toList();
		if (!feedback.isEmpty()) {
			// the visitor's text and phone go to their own table, not the event log
			this.template.batchUpdate(INSERT_FEEDBACK, feedback, JDBC_BATCH,
					(ps, row) -> bindFeedback(ps, row.deviceId(), row.event(), receivedAt));
		}
		return fresh;
	}

	/** Which of the keys are stored, by primary key, a few hundred to a query. */
	private Set<Key> stored(List<Key> keys) {
		Set<Key> stored = new HashSet<>();
		for (int from = 0; from < keys.size(); from += LOOKUP_CHUNK) {
			List<Key> chunk = keys.subList(from, Math.min(keys.size(), from + LOOKUP_CHUNK));
			String rowsIn = String.join(", ", Collections.nCopies(chunk.size(), "(?, ?)"));
			this.template.query(
					"select device_id, event_id from device_event where (device_id, event_id) in (" + rowsIn + ")",
					(ps) -> {
						int p = 1;
						for (Key key : chunk) {
							ps.setString(p++, key.deviceId());
							ps.setString(p++, key.eventId());
						}
					}, (rs) -> {
						stored.add(new Key(rs.getString(1), rs.getString(2)));
					});
		}
		return stored;
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

	/** An event's primary key. */
	private record Key(String deviceId, String eventId) {

	}

	/** An event and its device, one row of the insert. */
	private record Row(String deviceId, DeviceEvent event) {

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
