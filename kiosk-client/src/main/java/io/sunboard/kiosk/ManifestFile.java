package io.sunboard.kiosk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sunboard.protocol.JsonCodec;
import io.sunboard.protocol.Manifest;
import io.sunboard.protocol.MalformedMessageException;

/**
 * The applied manifest on disk ({@code manifest.json}), so a screen that restarts while
 * the network is down plays the same schedule at once.
 */
final class ManifestFile {

	private static final Logger log = LoggerFactory.getLogger(ManifestFile.class);

	private final Path file;

	private final JsonCodec codec;

	ManifestFile(Path file, JsonCodec codec) {
		this.file = file;
		this.codec = codec;
	}

	Optional<Manifest> load() {
		try {
			return Optional.of(this.codec.decode(Files.readAllBytes(this.file), Manifest.class));
		}
		catch (NoSuchFileException ex) {
			return Optional.empty();
		}
		catch (IOException | MalformedMessageException ex) {
			log.warn("Cannot use the cached manifest {} ({}); waiting for the server's", this.file, ex.getMessage());
			return Optional.empty();
		}
	}

	void save(Manifest manifest) throws IOException {
		AtomicFiles.write(this.file, this.codec.encode(manifest));
	}

}
