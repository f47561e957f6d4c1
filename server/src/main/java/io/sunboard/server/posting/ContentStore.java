package io.sunboard.server.posting;

import java.time.Clock;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.sunboard.protocol.Sha256;
import io.sunboard.server.system.Jdbc;

/** Immutable content documents addressed by the SHA-256 of their bytes. */
@Repository
public class ContentStore {

	private final JdbcClient jdbc;

	private final Clock clock;

	ContentStore(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Stores the bytes once and returns their address. */
	public String put(byte[] bytes, String mediaType) {
		String sha = Sha256.of(bytes);
		boolean exists = this.jdbc.sql("select count(*) from content_blob where sha256 = ?")
			.param(sha)
			.query(Integer.class)
			.single() > 0;
		if (!exists) {
			this.jdbc.sql("insert into content_blob (sha256, media_type, bytes, created_at) values (?, ?, ?, ?)")
				.params(sha, mediaType, bytes, Jdbc.utc(this.clock.instant()))
				.update();
		}
		return sha;
	}

	public Optional<Content> get(String sha256) {
		return this.jdbc.sql("select media_type, bytes from content_blob where sha256 = ?")
			.param(sha256)
			.query((rs, row) -> new Content(rs.getString("media_type"), rs.getBytes("bytes")))
			.optional();
	}

	/** A stored document. */
	public record Content(String mediaType, byte[] bytes) {

	}

}
