package io.sunboard.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Creates and removes the private temp directories the started processes work in. */
final class TempDirectories {

	private static final int DELETE_ATTEMPTS = 3;

	private TempDirectories() {
	}

	static Path create(String prefix) {
		try {
			return Files.createTempDirectory(prefix);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not create a temp directory " + prefix + "*", ex);
		}
	}

	/**
	 * Deletes the directory and everything in it. A browser may still add or remove a
	 * lock file for a moment after it quits, so a failed walk is tried again.
	 */
	static void delete(Path directory) {
		for (int attempt = 1;; attempt++) {
			try {
				deleteTree(directory);
				return;
			}
			catch (IOException | UncheckedIOException ex) {
				if (attempt == DELETE_ATTEMPTS) {
					throw new IllegalStateException("could not delete " + directory, ex);
				}
			}
		}
	}

	private static void deleteTree(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

}
