package io.sunboard.server.attachment;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.sunboard.server.system.Jdbc;

/** Which posting holds which file; the bytes are in the content store. */
@Repository
public class AttachmentRepository {

	private final JdbcClient jdbc;

	AttachmentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(String postingId, String sha256, String name, String mediaType, long size, Instant now) {
		this.jdbc
			.sql("insert into posting_attachment (posting_id, sha256, name, media_type, size_bytes, added_at)"
					+ " values (?, ?, ?, ?, ?, ?)")
			.params(postingId, sha256, name, mediaType, size, Jdbc.utc(now))
			.update();
	}

	boolean remove(String postingId, String sha256) {
		return this.jdbc.sql("delete from posting_attachment where posting_id = ? and sha256 = ?")
			.params(postingId, sha256)
			.update() > 0;
	}

	/** The postings that hold the file. */
	public List<String> postingsHolding(String sha256) {
		return this.jdbc.sql("select posting_id from posting_attachment where sha256 = ? order by posting_id")
			.param(sha256)
			.query(String.class)
			.list();
	}

}
