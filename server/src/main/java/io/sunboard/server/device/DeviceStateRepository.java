package io.sunboard.server.device;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import io.sunboard.protocol.Heartbeat;
import io.sunboard.server.system.Jdbc;

@Repository
public class DeviceStateRepository {

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	DeviceStateRepository(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/**
	 * Records online/offline. A status from an older session than the one recorded (a
	 * late last will of a session the device has already replaced) is ignored.
	 */
	public void recordStatus(String deviceId, boolean online, long sessionEpoch, Instant at) {
		this.jdbc
			.sql("update device_state set online = ?, session_epoch = ?, status_at = ?"
					+ " where device_id = ? and session_epoch <= ?")
			.params(online, sessionEpoch, Jdbc.utc(at), deviceId, sessionEpoch)
			.update();
	}

	/**
	 * Records several screens' heartbeats with one JDBC batch and one commit: ten
	 * thousand screens send over three hundred a second.
	 */
	@Transactional
	public void recordHeartbeats(List<Heartbeat> heartbeats, Instant receivedAt) {
		this.template.batchUpdate("update device_state set heartbeat_at = ?, applied_manifest_version = ?,"
				+ " now_playing = ?, journal_depth = ?, disk_free_bytes = ?, client_version = ?, uptime_seconds = ?,"
				+ " cache_bytes = ?, heap_used_bytes = ?, clock_offset_ms = ? where device_id = ?", heartbeats,
				heartbeats.size(), (ps, hb) -> {
					ps.setObject(1, Jdbc.utc(receivedAt), Types.TIMESTAMP_WITH_TIMEZONE);
					ps.setLong(2, hb.appliedManifestVersion());
					ps.setObject(3, hb.nowPlaying(), Types.VARCHAR);
					ps.setInt(4, hb.journalDepth());
					ps.setLong(5, hb.diskFreeBytes());
					ps.setObject(6, hb.clientVersion(), Types.VARCHAR);
					ps.setLong(7, hb.uptimeSeconds());
					ps.setLong(8, hb.cacheBytes());
					ps.setLong(9, hb.heapUsedBytes());
					ps.setObject(10, hb.clockOffsetMs(), Types.BIGINT);
					ps.setString(11, hb.deviceId());
				});
	}

	public Map<String, DeviceState> findAll() {
		return this.jdbc.sql("select * from device_state")
			.query(DeviceStateRepository::map)
			.list()
			.stream()
			.collect(Collectors.toMap(DeviceState::deviceId, Function.identity()));
	}

	private static DeviceState map(ResultSet rs, int row) throws SQLException {
		return new DeviceState(rs.getString("device_id"), rs.getBoolean("online"), rs.getLong("session_epoch"),
				Jdbc.instant(rs, "status_at"), Jdbc.instant(rs, "heartbeat_at"), rs.getLong("applied_manifest_version"),
				rs.getString("now_playing"), rs.getInt("journal_depth"), rs.getLong("disk_free_bytes"),
				rs.getString("client_version"), rs.getObject("uptime_seconds", Long.class),
				rs.getObject("cache_bytes", Long.class), rs.getObject("heap_used_bytes", Long.class),
				rs.getObject("clock_offset_ms", Long.class));
	}

}
