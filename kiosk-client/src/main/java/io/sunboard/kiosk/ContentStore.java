package io.sunboard.kiosk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sunboard.protocol.JsonCodec;
import io.sunboard.protocol.MalformedMessageException;
import io.sunboard.protocol.PostingContent;
import io.sunboard.protocol.Sha256;

/**
 * Posting documents on disk, content-addressed under {@code content/<sha256>}. Bytes are
 * verified on the way in and again on the way out, so a damaged file is never shown.
 */
final class ContentStore {

	private static final Logger log = LoggerFactory.getLogger(ContentStore.class);

	private final Path directory;

	private final JsonCodec codec;

	private final long maxBytes;

	/** A cache without a budget: it keeps what it is not told to drop. */
	ContentStore(Path directory, JsonCodec codec) {
		this(directory, codec, Long.MAX_VALUE);
	}

	/**
	 * @param maxBytes the disk budget {@link #collectGarbage} keeps the cache within
	 */
	ContentStore(Path directory, JsonCodec codec, long maxBytes) {
		this.directory = directory;
		this.codec = codec;
		this.maxBytes = maxBytes;
		try {
			Files.createDirectories(directory);
			AtomicFiles.deleteTempFiles(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot use content cache " + directory + "; make it writable", ex);
		}
	}

	boolean contains(String sha256) {
		return Files.isRegularFile(file(sha256));
	}

	/**
	 * Stores bytes under their hash.
	 * @throws ContentMismatchException when the bytes do not hash to {@code sha256}
	 */
	void put(String sha256, byte[] bytes) throws IOException {
		String actual = Sha256.of(bytes);
		if (!actual.equals(sha256)) {
			throw new ContentMismatchException(sha256, actual);
		}
		AtomicFiles.write(file(sha256), bytes);
	}

	/**
	 * The verified, decoded document; empty (and logged) when it is missing, damaged or
	 * not a posting this client can read.
	 */
	Optional<PostingContent> load(String sha256) {
		byte[] bytes;
		try {
			bytes = Files.readAllBytes(file(sha256));
		}
		catch (NoSuchFileException ex) {
			return Optional.empty();
		}
		catch (IOException ex) {
			log.warn("Cannot read cached content {}: {}", sha256, ex.toString());
			return Optional.empty();
		}
		touch(file(sha256));
		if (!Sha256.of(bytes).equals(sha256)) {
			log.warn("Cached content {} is damaged (hash differs); deleting it so it is fetched again", sha256);
			delete(sha256);
			return Optional.empty();
		}
		try {
			return Optional.of(this.codec.decodeContent(bytes));
		}
		catch (MalformedMessageException ex) {
			log.warn("Content {} is not a posting this client can show ({}); skipping it", sha256, ex.getMessage());
			return Optional.empty();
		}
	}

	/**
	 * Deletes every document not in {@code keep}, so the cache holds one manifest's
	 * worth.
	 */
	void retainOnly(Collection<String> keep) {
		Set<String> wanted = new HashSet<>(keep);
		try (Stream<Path> files = Files.list(this.directory)) {
			files.filter((file) -> !wanted.contains(file.getFileName().toString())).forEach(this::deleteQuietly);
		}
		catch (IOException ex) {
			log.warn("Cannot prune content cache {}: {}", this.directory, ex.toString());
		}
	}

	/**
	 * Keeps the cache within its budget: documents in {@code keep} (the manifest on
	 * screen) always stay; the others go least recently used first (a document's file
	 * time is set each time it is shown) until the cache fits. Documents of earlier
	 * manifests stay while there is room, so a schedule that switches back needs no
	 * download.
	 */
	void collectGarbage(Collection<String> keep) {
		Set<String> wanted = new HashSet<>(keep);
		List<Path> evictable;
		long total;
		try (Stream<Path> files = Files.list(this.directory)) {
			List<Path> all = files.filter(Files::isRegularFile).toList();
			total = all.stream().mapToLong(ContentStore::sizeOf).sum();
			evictable = all.stream()
				.filter((file) -> !wanted.contains(file.getFileName().toString()))
				.sorted(Comparator.comparing(ContentStore::lastUsed))
				.toList();
		}
		catch (IOException ex) {
			log.warn("Cannot collect garbage in content cache {}: {}", this.directory, ex.toString());
			return;
		}
		for (Path file : evictable) {
			if (total <= this.maxBytes) {
				break;
			}
			total -= sizeOf(file);
			deleteQuietly(file);
		}
		if (total > this.maxBytes) {
			log.warn("The manifest on screen needs {} bytes of content, over the cache budget of {} bytes "
					+ "(cache.max-mb); keeping it all", total, this.maxBytes);
		}
	}

	/** Bytes on disk, for the heartbeat. */
	long sizeBytes() {
		try (Stream<Path> files = Files.list(this.directory)) {
			return files.mapToLong(ContentStore::sizeOf).sum();
		}
		catch (IOException ex) {
			return 0;
		}
	}

	private void delete(String sha256) {
		deleteQuietly(file(sha256));
	}

	private void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			log.warn("Cannot delete {}: {}", file, ex.toString());
		}
	}

	/** Marks a document as used now, for least-recently-used eviction. */
	private static void touch(Path file) {
		try {
			// The file's modification time is only a recency mark for eviction order
			// (never compared with
			// the schedule's clock), so the file system's own notion of now is the right
			// one.
			Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
		}
		catch (IOException ex) {
			// missing or read-only: the read below tells which
		}
	}

	private static FileTime lastUsed(Path file) {
		try {
			return Files.getLastModifiedTime(file);
		}
		catch (IOException ex) {
			return FileTime.fromMillis(0);
		}
	}

	private static long sizeOf(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			return 0;
		}
	}

	private Path file(String sha256) {
		return this.directory.resolve(Sha256.require(sha256, "content sha256"));
	}

	/** Bytes that do not match the hash they were fetched for. */
	static final class ContentMismatchException extends IOException {

		ContentMismatchException(String expected, String actual) {
			super("content for " + expected + " hashes to " + actual + "; refusing it");
		}

	}

}
