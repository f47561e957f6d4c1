package io.sunboard.server.dashboard;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.sunboard.protocol.JsonCodec;
import io.sunboard.protocol.Manifest;
import io.sunboard.protocol.MalformedMessageException;
import io.sunboard.protocol.ManifestItem;
import io.sunboard.server.system.Jdbc;

/**
 * Keeps {@code dashboard_manifest_posting} in step with the manifests dispatch stored:
 * which postings each screen's latest manifest holds, and since which version. It follows
 * {@code device_manifest} by version rather than by an in-process event, so it also
 * indexes manifests stored before it existed and those another server instance published.
 */
@Component
class ManifestIndex {

	private static final Logger log = LoggerFactory.getLogger(ManifestIndex.class);

	private final JdbcClient jdbc;

	private final JsonCodec codec;

	private final TransactionTemplate transactions;

	ManifestIndex(JdbcClient jdbc, JsonCodec codec, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.codec = codec;
		this.transactions = transactions;
	}

	/**
	 * Indexes every manifest whose version the index has not seen; returns how many. The
	 * scan compares versions only, so it is cheap when nothing changed.
	 */
	synchronized int sync() {
		List<Changed> changed = this.jdbc
			.sql("select m.device_id, m.version, m.published_at, m.payload from device_manifest m"
					+ " left join dashboard_manifest x on x.device_id = m.device_id"
					+ " where x.version is null or x.version <> m.version")
			.query((rs, row) -> new Changed(rs.getString("device_id"), rs.getLong("version"),
					Jdbc.instant(rs, "published_at"), rs.getString("payload")))
			.list();
		int indexed = 0;
		for (Changed manifest : changed) {
			try {
				this.transactions.executeWithoutResult((tx) -> index(manifest));
				indexed++;
			}
			catch (DataAccessException ex) {
				// another server instance indexed the same version at the same moment (a
				// duplicate key); the next sync sees it done
				log.debug("Indexing manifest v{} of {} deferred: {}", manifest.version(), manifest.deviceId(),
						ex.toString());
			}
		}
		return indexed;
	}

	private void index(Changed manifest) {
		Set<String> postings = new LinkedHashSet<>();
		try {
			this.codec.decode(manifest.payload().getBytes(StandardCharsets.UTF_8), Manifest.class)
				.items()
				.stream()
				.map(ManifestItem::postingId)
				.forEach(postings::add);
		}
		catch (MalformedMessageException ex) {
			// the server wrote it, so this is a bug; index it as empty rather than retry
			// forever
			log.error("Stored manifest v{} of {} cannot be read: {}", manifest.version(), manifest.deviceId(),
					ex.getMessage());
		}
		// postings the previous manifest held keep when they first arrived
		Map<String, Since> since = new HashMap<>();
		this.jdbc.sql("select posting_id, since_version, since_at from dashboard_manifest_posting where device_id = ?")
			.param(manifest.deviceId())
			.query((rs, row) -> since.put(rs.getString("posting_id"),
					new Since(rs.getLong("since_version"), Jdbc.instant(rs, "since_at"))))
			.list();
		this.jdbc.sql("delete from dashboard_manifest_posting where device_id = ?").param(manifest.deviceId()).update();
		for (String postingId : postings) {
			Since kept = since.getOrDefault(postingId, new Since(manifest.version(), manifest.publishedAt()));
			this.jdbc
				.sql("insert into dashboard_manifest_posting (device_id, posting_id, since_version, since_at)"
						+ " values (?, ?, ?, ?)")
				.params(manifest.deviceId(), postingId, kept.version(), Jdbc.utc(kept.at()))
				.update();
		}
		int updated = this.jdbc.sql("update dashboard_manifest set version = ? where device_id = ?")
			.params(manifest.version(), manifest.deviceId())
			.update();
		if (updated == 0) {
			this.jdbc.sql("insert into dashboard_manifest (device_id, version) values (?, ?)")
				.params(manifest.deviceId(), manifest.version())
				.update();
		}
	}

	private record Since(long version, Instant at) {

	}

	private record Changed(String deviceId, long version, Instant publishedAt, String payload) {

	}

}
