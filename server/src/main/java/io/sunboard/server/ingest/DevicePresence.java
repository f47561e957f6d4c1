package io.sunboard.server.ingest;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.sunboard.server.system.Jdbc;

/**
 * The UTC hours in which each screen was heard from (a heartbeat or an online status):
 * proof-of-play reports tell "offline" from "online but did not play" with them. Written
 * once per screen and hour; the in-memory mark only saves writes, the key keeps it right
 * across instances and restarts.
 */
@Component
class DevicePresence {

	private final JdbcClient jdbc;

	private final Map<String, Instant> lastRecorded = new ConcurrentHashMap<>();

	DevicePresence(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void heardFrom(String deviceId, Instant at) {
		Instant hour = at.truncatedTo(ChronoUnit.HOURS);
		if (hour.equals(this.lastRecorded.get(deviceId))) {
			return;
		}
		try {
			this.jdbc
				.sql("insert into device_presence (device_id, hour_start) select ?, ? where exists"
						+ " (select 1 from device where id = ?) and not exists"
						+ " (select 1 from device_presence where device_id = ? and hour_start = ?)")
				.params(deviceId, Jdbc.utc(hour), deviceId, deviceId, Jdbc.utc(hour))
				.update();
		}
		catch (DuplicateKeyException ex) {
			// another instance recorded the same hour at the same moment
		}
		this.lastRecorded.put(deviceId, hour);
	}

}
