package io.sunboard.server.dispatch;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.sunboard.server.system.Jdbc;

/** The last manifest published to each device: its version, hash and exact bytes. */
@Repository
class DeviceManifestRepository {

	private final JdbcClient jdbc;

	DeviceManifestRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Locks the school's row until the transaction ends (plain {@code FOR UPDATE}: H2 and
	 * PostgreSQL alike); false when the school does not exist.
	 */
	boolean lockSchool(String schoolId) {
		return this.jdbc.sql("select id from school where id = ? for update")
			.param(schoolId)
			.query(String.class)
			.optional()
			.isPresent();
	}

	Optional<Stored> find(String deviceId) {
		return this.jdbc.sql("select * from device_manifest where device_id = ?")
			.param(deviceId)
			.query((rs, row) -> new Stored(rs.getString("device_id"), rs.getLong("version"),
					rs.getString("content_hash"), rs.getString("payload")))
			.optional();
	}

	List<Stored> findAll() {
		return this.jdbc.sql("select * from device_manifest order by device_id")
			.query((rs, row) -> new Stored(rs.getString("device_id"), rs.getLong("version"),
					rs.getString("content_hash"), rs.getString("payload")))
			.list();
	}

	void save(Stored manifest, Instant now) {
		int updated = this.jdbc
			.sql("update device_manifest set version = ?, content_hash = ?, payload = ?, published_at = ?"
					+ " where device_id = ?")
			.params(manifest.version(), manifest.contentHash(), manifest.payload(), Jdbc.utc(now), manifest.deviceId())
			.update();
		if (updated == 0) {
			this.jdbc
				.sql("insert into device_manifest (device_id, version, content_hash, payload, published_at)"
						+ " values (?, ?, ?, ?, ?)")
				.params(manifest.deviceId(), manifest.version(), manifest.contentHash(), manifest.payload(),
						Jdbc.utc(now))
				.update();
		}
	}

	record Stored(String deviceId, long version, String contentHash, String payload) {

	}

}
