package io.sunboard.server.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.sunboard.protocol.DeviceEvent;
import io.sunboard.protocol.EventType;
import io.sunboard.server.system.Jdbc;

/**
 * Device events keyed by (device, event id): a second delivery of the same event changes
 * nothing.
 */
@Repository
class DeviceEventRepository {

	private final JdbcClient jdbc;

	DeviceEventRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Inserts the events not stored yet; returns those that were new. */
	List<DeviceEvent> insertNew(String deviceId, List<DeviceEvent> events, Instant receivedAt) {
		List<DeviceEvent> inserted = new ArrayList<>();
		for (DeviceEvent e : events) {
			try {
				int rows = this.jdbc
					.sql("insert into device_event (device_id, event_id, type, occurred_at, manifest_version,"
							+ " posting_id, duration_ms, received_at, play_count, last_at, command_id, outcome, detail,"
							+ " helpful) select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?"
							+ " where not exists (select 1 from device_event where device_id = ? and event_id = ?)")
					.params(deviceId, e.id(), e.type().name(), Jdbc.utc(e.at()), e.manifestVersion(), e.postingId(),
							e.durationMs(), Jdbc.utc(receivedAt), e.count(),
							(e.lastAt() != null) ? Jdbc.utc(e.lastAt()) : null, e.commandId(), e.outcome(), e.detail(),
							e.helpful(), deviceId, e.id())
					.update();
				if (rows == 1) {
					inserted.add(e);
				}
				if (e.type() == EventType.FEEDBACK) {
					insertFeedback(deviceId, e, receivedAt);
				}
			}
			catch (DuplicateKeyException ex) {
				// another server instance stored it between our check and insert: it is
				// stored once
			}
		}
		return inserted;
	}

	/**
	 * The visitor's text and phone go to their own table, not the event log; keyed like
	 * the event, so a redelivery stores nothing new.
	 */
	private void insertFeedback(String deviceId, DeviceEvent e, Instant receivedAt) {
		this.jdbc
			.sql("insert into kiosk_feedback (device_id, event_id, category, text, contact, posting_id, submitted_at,"
					+ " received_at) select ?, ?, ?, ?, ?, ?, ?, ?"
					+ " where not exists (select 1 from kiosk_feedback where device_id = ? and event_id = ?)")
			.params(deviceId, e.id(), e.category(), e.text(), e.contact(), e.postingId(), Jdbc.utc(e.at()),
					Jdbc.utc(receivedAt), deviceId, e.id())
			.update();
	}

}
