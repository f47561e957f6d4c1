package io.sunboard.server.posting;

import java.time.Clock;
import java.util.Iterator;
import java.util.LinkedHashMap;
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

	private final Recent recent = new Recent();

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
		Content cached = this.recent.get(sha256);
		if (cached != null) {
			return Optional.of(cached);
		}
		Optional<Content> content = this.jdbc.sql("select media_type, bytes from content_blob where sha256 = ?")
			.param(sha256)
			.query((rs, row) -> new Content(rs.getString("media_type"), rs.getBytes("bytes")))
			.optional();
		content.ifPresent((c) -> this.recent.put(sha256, c));
		return content;
	}

	/**
	 * Recently read small documents. A blob never changes under its hash, so a copy is
	 * never stale; it saves the database the same read from every screen of a region when
	 * a posting goes out to all of them at once.
	 */
	private static final class Recent {

		private static final int LARGEST = 256 * 1024;

		private static final long BUDGET = 32L * 1024 * 1024;

		private final LinkedHashMap<String, Content> entries = new LinkedHashMap<>(64, 0.75f, true);

		private long bytes;

		synchronized Content get(String sha256) {
			return this.entries.get(sha256);
		}

		synchronized void put(String sha256, Content content) {
			if (content.bytes().length > LARGEST || this.entries.containsKey(sha256)) {
				return;
			}
			this.entries.put(sha256, content);
			this.bytes += content.bytes().length;
			Iterator<Content> oldest = this.entries.values().iterator();
			while (this.bytes > BUDGET && oldest.hasNext()) {
				this.bytes -= oldest.next().bytes().length;
				oldest.remove();
			}
		}

	}

	/** A stored document. */
	public record Content(String mediaType, byte[] bytes) {

	}

}
