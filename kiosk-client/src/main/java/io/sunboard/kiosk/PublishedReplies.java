package io.sunboard.kiosk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sunboard.protocol.JsonCodec;
import io.sunboard.protocol.MalformedMessageException;
import io.sunboard.protocol.PublishedReply;

/**
 * The replies the school published, for the touch pages: fetched from the server, kept on
 * disk ({@code replies.json}, written atomically) so they show offline and after a
 * restart. What the server sends is validated as a whole; an error, a timeout or garbage
 * leaves the last good copy on screen, is logged once per run of failures and counted.
 * {@link #refresh()} runs on the fetch thread; readers on the player page's threads see
 * an immutable list.
 */
final class PublishedReplies {

	static final String FILE = "replies.json";

	private static final Logger log = LoggerFactory.getLogger(PublishedReplies.class);

	private static final Comparator<PublishedReply> NEWEST_FIRST = Comparator
		.comparing(PublishedReply::repliedAt, Comparator.reverseOrder())
		.thenComparing(PublishedReply::id);

	private final Path file;

	private final JsonCodec codec;

	private final ReplySource source;

	private final AtomicLong failures = new AtomicLong();

	private volatile List<PublishedReply> replies = List.of();

	/** Failures since the last success; the first of a run is logged, the rest not. */
	private long failingRun;

	PublishedReplies(Path dataDir, JsonCodec codec, ReplySource source) {
		this.file = dataDir.resolve(FILE);
		this.codec = codec;
		this.source = source;
	}

	/**
	 * Shows the copy the last run saved, before any network is up. A damaged file is
	 * ignored (the next fetch replaces it), never a reason not to start.
	 */
	synchronized void restore() {
		byte[] bytes;
		try (InputStream in = Files.newInputStream(this.file)) {
			bytes = in.readNBytes(JsonCodec.MAX_REPLIES_BYTES + 1);
		}
		catch (NoSuchFileException ex) {
			return;
		}
		catch (IOException ex) {
			log.warn("Cannot read the cached replies {} ({}); none shown until the server's arrive", this.file,
					ex.getMessage());
			return;
		}
		try {
			this.replies = ordered(this.codec.decodeReplies(bytes));
			log.info("Showing {} cached replies until the server's arrive", this.replies.size());
		}
		catch (MalformedMessageException ex) {
			log.warn("Ignoring the damaged cached replies {} ({}); none shown until the server's arrive", this.file,
					ex.getMessage());
		}
	}

	/**
	 * Fetches the replies again and keeps them when they are sound; otherwise the last
	 * good copy stays.
	 * @return whether a sound answer arrived
	 */
	synchronized boolean refresh() {
		List<PublishedReply> fetched;
		try {
			fetched = ordered(this.codec.decodeReplies(this.source.fetch()));
		}
		catch (IOException | MalformedMessageException | RuntimeException ex) {
			failed(ex);
			return false;
		}
		if (this.failingRun > 0) {
			log.info("Fetched the published replies again after {} failed attempts", this.failingRun);
			this.failingRun = 0;
		}
		if (fetched.equals(this.replies)) {
			return true;
		}
		this.replies = fetched;
		try {
			AtomicFiles.write(this.file, this.codec.encode(fetched));
		}
		catch (IOException ex) {
			// Still shown; only a restart before the next fetch would lose them.
			log.warn("Cannot save the published replies to {} ({}); they show until the kiosk restarts", this.file,
					ex.getMessage());
		}
		log.info("{} published replies to show", fetched.size());
		return true;
	}

	/** Every reply, newest first. */
	List<PublishedReply> all() {
		return this.replies;
	}

	/** The replies about one posting, newest first. */
	List<PublishedReply> about(String postingId) {
		return this.replies.stream().filter((reply) -> postingId.equals(reply.postingId())).toList();
	}

	/** Fetches that failed since the start (server error, timeout, garbage). */
	long failures() {
		return this.failures.get();
	}

	private void failed(Exception ex) {
		this.failures.incrementAndGet();
		if (this.failingRun++ == 0) {
			String what = (ex instanceof MalformedMessageException) ? "refused the server's answer" : "cannot fetch";
			log.warn("Published replies: {} ({}); keeping the {} shown now and trying again later", what,
					ex.getMessage(), this.replies.size());
		}
		else {
			log.debug("Published replies still failing ({} in a row): {}", this.failingRun, ex.toString());
		}
	}

	/** Newest first, one per id (the server never repeats one; a stand-in might). */
	private static List<PublishedReply> ordered(List<PublishedReply> replies) {
		Map<String, PublishedReply> byId = new LinkedHashMap<>();
		replies.stream().sorted(NEWEST_FIRST).forEach((reply) -> byId.putIfAbsent(reply.id(), reply));
		return List.copyOf(byId.values());
	}

}
