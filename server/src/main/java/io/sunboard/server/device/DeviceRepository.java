package io.sunboard.server.device;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.sunboard.server.system.Jdbc;

@Repository
public class DeviceRepository {

	private final JdbcClient jdbc;

	DeviceRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void create(Device device, String secretHash, Instant now) {
		this.jdbc
			.sql("insert into device (id, school_id, name, profile, secret_sha256, active, created_at)"
					+ " values (?, ?, ?, ?, ?, ?, ?)")
			.params(device.id(), device.schoolId(), device.name(), device.profile(), secretHash, device.active(),
					Jdbc.utc(now))
			.update();
		this.jdbc
			.sql("insert into device_state (device_id, online, session_epoch, applied_manifest_version,"
					+ " journal_depth, disk_free_bytes) values (?, false, 0, 0, 0, 0)")
			.param(device.id())
			.update();
	}

	void updateSecret(String id, String secretHash) {
		this.jdbc.sql("update device set secret_sha256 = ? where id = ?").params(secretHash, id).update();
	}

	void deactivate(String id) {
		this.jdbc.sql("update device set active = false where id = ?").param(id).update();
	}

	void rename(String id, String name) {
		this.jdbc.sql("update device set name = ? where id = ?").params(name, id).update();
	}

	public Optional<Device> find(String id) {
		return this.jdbc.sql("select * from device where id = ?").param(id).query(DeviceRepository::map).optional();
	}

	public List<Device> findBySchool(String schoolId) {
		return this.jdbc.sql("select * from device where school_id = ? and active order by id")
			.param(schoolId)
			.query(DeviceRepository::map)
			.list();
	}

	/**
	 * The active screens of a school with their secrets' hashes, in id order: what
	 * dispatch reads, so the downloads its manifests cause need not read them again.
	 */
	public List<Credentials> activeCredentialsBySchool(String schoolId) {
		return this.jdbc.sql("select * from device where school_id = ? and active order by id")
			.param(schoolId)
			.query(DeviceRepository::credentials)
			.list();
	}

	public List<Device> findAll() {
		return this.jdbc.sql("select * from device order by school_id, id").query(DeviceRepository::map).list();
	}

	/**
	 * Tags of the active screens of a school, by device id (screens without tags are
	 * absent).
	 */
	public Map<String, Set<String>> tagsBySchool(String schoolId) {
		Map<String, Set<String>> tags = new HashMap<>();
		this.jdbc
			.sql("select t.device_id, t.tag from device_tag t join device d on d.id = t.device_id"
					+ " where d.school_id = ? and d.active")
			.param(schoolId)
			.query((rs) -> {
				tags.computeIfAbsent(rs.getString(1), (k) -> new TreeSet<>()).add(rs.getString(2));
			});
		return tags;
	}

	public Set<String> tags(String deviceId) {
		return new TreeSet<>(this.jdbc.sql("select tag from device_tag where device_id = ?")
			.param(deviceId)
			.query(String.class)
			.list());
	}

	void replaceTags(String deviceId, Set<String> tags) {
		this.jdbc.sql("delete from device_tag where device_id = ?").param(deviceId).update();
		for (String tag : tags) {
			this.jdbc.sql("insert into device_tag (device_id, tag) values (?, ?)").params(deviceId, tag).update();
		}
	}

	/**
	 * The stored hash of an active device's secret; empty for unknown or retired devices.
	 */
	public Optional<String> activeSecretHash(String id) {
		return this.jdbc.sql("select secret_sha256 from device where id = ? and active")
			.param(id)
			.query(String.class)
			.optional();
	}

	/**
	 * An active device and its stored secret hash in one query: every request a screen
	 * makes needs both.
	 */
	public Optional<Credentials> activeCredentials(String id) {
		return this.jdbc.sql("select * from device where id = ? and active")
			.param(id)
			.query(DeviceRepository::credentials)
			.optional();
	}

	public record Credentials(Device device, String secretSha256) {

	}

	private static Credentials credentials(ResultSet rs, int row) throws SQLException {
		return new Credentials(map(rs, row), rs.getString("secret_sha256"));
	}

	private static Device map(ResultSet rs, int row) throws SQLException {
		return new Device(rs.getString("id"), rs.getString("school_id"), rs.getString("name"), rs.getString("profile"),
				rs.getBoolean("active"));
	}

}
