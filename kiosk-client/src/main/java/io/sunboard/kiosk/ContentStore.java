package io.sunboard.kiosk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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
	 * Streams a large file (an attachment) to disk under its hash without holding it in
	 * memory: written to a temp file while hashed, then renamed into place only when the
	 * hash matches and it is at most {@code maxBytes}.
	 * @throws ContentMismatchException when the bytes do not hash to {@code sha256}
	 * @throws IOException when it is larger than {@code maxBytes} or cannot be written
	 */
	void put(String sha256, InputStream in, long maxBytes) throws IOException {
		Path target = file(sha256);
		Path temp = target.resolveSibling(target.getFileName() + AtomicFiles.TEMP_SUFFIX);
		MessageDigest digest = sha256Digest();
		long size = 0;
		try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.TRUNCATE_EXISTING)) {
			byte[] buffer = new byte[64 * 1024];
			int read;
			while ((read = in.read(buffer)) != -1) {
				size += read;
				if (size > maxBytes) {
					throw new IOException(sha256 + " is larger than " + maxBytes + " bytes; refusing it");
				}
				digest.update(buffer, 0, read);
				ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, read);
				while (bytes.hasRemaining()) {
					channel.write(bytes);
				}
			}
			String actual = HexFormat.of().formatHex(digest.digest());
			if (!actual.equals(sha256)) {
				throw new ContentMismatchException(sha256, actual);
			}
			channel.force(true);
		}
		catch (IOException ex) {
			Files.deleteIfExists(temp);
			throw ex;
		}
		Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		AtomicFiles.forceDirectory(this.directory);
	}

	/**
	 * The file of a verified attachment, to stream to the browser; empty when it is
	 * missing or damaged (a damaged file is deleted so it is fetched again).
	 */
	Optional<Path> verifiedFile(String sha256) {
		Path file = file(sha256);
		MessageDigest digest = sha256Digest();
		try (InputStream in = Files.newInputStream(file)) {
			byte[] buffer = new byte[64 * 1024];
			int read;
			while ((read = in.read(buffer)) != -1) {
				digest.update(buffer, 0, read);
			}
		}
		catch (NoSuchFileException ex) {
			return Optional.empty();
		}
		catch (IOException ex) {
			log.warn("Cannot read cached file {}: {}", sha256, ex.toString());
			return Optional.empty();
		}
		if (!HexFormat.of().formatHex(digest.digest()).equals(sha256)) {
			log.warn("Cached file {} is damaged (hash differs); deleting it so it is fetched again", sha256);
			delete(sha256);
			return Optional.empty();
		}
		touch(file);
		return Optional.of(file);
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

	private static MessageDigest sha256Digest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
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
