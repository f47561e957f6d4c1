package io.sunboard.kiosk;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/**
 * Writes that survive a power cut: a reader sees either the old file or the complete new
 * one. Screens lose power without warning, so every file the kiosk relies on after a
 * restart is written this way.
 */
final class AtomicFiles {

	static final String TEMP_SUFFIX = ".tmp";

	private AtomicFiles() {
	}

	/** Writes to a temp file, forces it to disk, renames it over the target. */
	static void write(Path target, byte[] bytes) throws IOException {
		Path temp = target.resolveSibling(target.getFileName() + TEMP_SUFFIX);
		try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.TRUNCATE_EXISTING)) {
			ByteBuffer buffer = ByteBuffer.wrap(bytes);
			while (buffer.hasRemaining()) {
				channel.write(buffer);
			}
			channel.force(true);
		}
		try {
			Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.deleteIfExists(temp);
			throw ex;
		}
		forceDirectory(target.getParent());
	}

	/** Temp files are half-written leftovers of a crash; nothing refers to them. */
	static void deleteTempFiles(Path directory) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			for (Path file : files.filter((f) -> f.getFileName().toString().endsWith(TEMP_SUFFIX)).toList()) {
				Files.deleteIfExists(file);
			}
		}
	}

	/**
	 * Makes the rename itself durable. Linux allows fsync on a directory; where the
	 * platform refuses, the rename is still atomic, only its durability is left to the
	 * OS.
	 */
	static void forceDirectory(Path directory) {
		if (directory == null) {
			return;
		}
		try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
			channel.force(true);
		}
		catch (IOException ex) {
			// not supported on this platform (e.g. Windows)
		}
	}

}
