package io.sunboard.server.command;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.sunboard.server.system.Jdbc;

/**
 * Commands and screenshots. A command's outcome is read from the screen's command-result
 * event, which ingest stores like every other event.
 */
@Repository
class DeviceCommandRepository {

	private static final String SELECT = "select c.id, c.device_id, c.name, c.issued_at, c.expires_at, c.issued_by,"
			+ " e.outcome, e.detail, e.occurred_at as answered_at from device_command c"
			+ " left join device_event e on e.device_id = c.device_id and e.command_id = c.id"
			+ " and e.type = 'COMMAND_RESULT'";

	private final JdbcClient jdbc;

	DeviceCommandRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(DeviceCommand command) {
		this.jdbc
			.sql("insert into device_command (id, device_id, name, issued_at, expires_at, issued_by)"
					+ " values (?, ?, ?, ?, ?, ?)")
			.params(command.id(), command.deviceId(), command.name(), Jdbc.utc(command.issuedAt()),
					Jdbc.utc(command.expiresAt()), command.issuedBy())
			.update();
	}

	Optional<DeviceCommand> find(String id) {
		return this.jdbc.sql(SELECT + " where c.id = ?").param(id).query(DeviceCommandRepository::map).optional();
	}

	/** The newest first. */
	List<DeviceCommand> forDevice(String deviceId, int limit) {
		return this.jdbc.sql(SELECT + " where c.device_id = ? order by c.issued_at desc limit ?")
			.params(deviceId, limit)
			.query(DeviceCommandRepository::map)
			.list();
	}

	/**
	 * Stores the screenshot once: a second upload for the same command changes nothing.
	 */
	boolean insertScreenshot(String commandId, String deviceId, byte[] png, Instant takenAt) {
		return this.jdbc
			.sql("insert into device_screenshot (command_id, device_id, png, taken_at) select ?, ?, ?, ?"
					+ " where not exists (select 1 from device_screenshot where command_id = ?)")
			.params(commandId, deviceId, png, Jdbc.utc(takenAt), commandId)
			.update() == 1;
	}

	Set<String> devicesWithScreenshots() {
		return new HashSet<>(
				this.jdbc.sql("select distinct device_id from device_screenshot").query(String.class).list());
	}

	Optional<Screenshot> latestScreenshot(String deviceId) {
		return this.jdbc
			.sql("select command_id, png, taken_at from device_screenshot where device_id = ?"
					+ " order by taken_at desc limit 1")
			.param(deviceId)
			.query((rs, row) -> new Screenshot(rs.getString("command_id"), rs.getBytes("png"),
					Jdbc.instant(rs, "taken_at")))
			.optional();
	}

	private static DeviceCommand map(ResultSet rs, int row) throws SQLException {
		return new DeviceCommand(rs.getString("id"), rs.getString("device_id"), rs.getString("name"),
				Jdbc.instant(rs, "issued_at"), Jdbc.instant(rs, "expires_at"), rs.getString("issued_by"),
				rs.getString("outcome"), rs.getString("detail"), Jdbc.instant(rs, "answered_at"));
	}

	/** A PNG a screen uploaded. */
	record Screenshot(String commandId, byte[] png, Instant takenAt) {

	}

}
