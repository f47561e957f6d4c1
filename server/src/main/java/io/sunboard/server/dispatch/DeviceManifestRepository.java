package io.sunboard.server.dispatch;

import java.sql.ResultSet;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.sunboard.server.system.Jdbc;

/** The last manifest published to each device: its version, hash and exact bytes. */
@Repository
class DeviceManifestRepository {

	private static final int[] SAVE_TYPES = { Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE,
			Types.VARCHAR };

	private static final int[] INSERT_TYPES = { Types.VARCHAR, Types.BIGINT, Types.VARCHAR, Types.VARCHAR,
			Types.TIMESTAMP_WITH_TIMEZONE };

	private final JdbcClient jdbc;

	private final JdbcTemplate batches;

	DeviceManifestRepository(JdbcClient jdbc, JdbcTemplate batches) {
		this.jdbc = jdbc;
		this.batches = batches;
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

	/** The hash of a device's stored manifest: a cheaper read than the whole payload. */
	Optional<String> findContentHash(String deviceId) {
		return this.jdbc.sql("select content_hash from device_manifest where device_id = ?")
			.param(deviceId)
			.query(String.class)
			.optional();
	}

	/**
	 * The version and hash of each stored manifest of a school's screens, by device id:
	 * one query per school, without the payloads (a dispatch compares hashes only, and
	 * reading a hundred CLOBs was a sixth of its time).
	 */
	Map<String, Current> currentBySchool(String schoolId) {
		Map<String, Current> bySchool = new HashMap<>();
		this.jdbc
			.sql("select m.device_id, m.version, m.content_hash from device_manifest m join device d"
					+ " on d.id = m.device_id where d.school_id = ?")
			.param(schoolId)
			.query((ResultSet rs) -> {
				bySchool.put(rs.getString("device_id"),
						new Current(rs.getLong("version"), rs.getString("content_hash")));
			});
		return bySchool;
	}

	List<Stored> findAll() {
		return this.jdbc.sql("select * from device_manifest order by device_id")
			.query((rs, row) -> new Stored(rs.getString("device_id"), rs.getLong("version"),
					rs.getString("content_hash"), rs.getString("payload")))
			.list();
	}

	/**
	 * Stores many manifests in two JDBC batches: the 100 screens of a school cost two
	 * round trips instead of a hundred (fan-out to a region is bound by this,
	 * docs/benchmarks.md).
	 * @param existing the devices that already have a row
	 */
	void saveAll(List<Stored> manifests, Set<String> existing, Instant now) {
		List<Object[]> updates = new ArrayList<>();
		List<Object[]> inserts = new ArrayList<>();
		for (Stored m : manifests) {
			if (existing.contains(m.deviceId())) {
				updates.add(new Object[] { m.version(), m.contentHash(), m.payload(), Jdbc.utc(now), m.deviceId() });
			}
			else {
				inserts.add(new Object[] { m.deviceId(), m.version(), m.contentHash(), m.payload(), Jdbc.utc(now) });
			}
		}
		if (!updates.isEmpty()) {
			this.batches.batchUpdate("update device_manifest set version = ?, content_hash = ?, payload = ?,"
					+ " published_at = ? where device_id = ?", updates, SAVE_TYPES);
		}
		if (!inserts.isEmpty()) {
			this.batches.batchUpdate("insert into device_manifest (device_id, version, content_hash, payload,"
					+ " published_at) values (?, ?, ?, ?, ?)", inserts, INSERT_TYPES);
		}
	}

	record Stored(String deviceId, long version, String contentHash, String payload) {

	}

	/** A stored manifest without its payload. */
	record Current(long version, String contentHash) {

	}

}
