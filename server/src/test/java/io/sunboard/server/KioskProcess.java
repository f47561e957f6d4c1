package io.sunboard.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The kiosk client as it runs on a screen: the shaded jar in its own JVM, so a test can
 * kill it with SIGKILL mid-write. The jar is built by the kiosk-client module, which the
 * reactor builds before the server.
 */
final class KioskProcess implements AutoCloseable {

	private final List<String> command;

	private final Path log;

	private Process process;

	private KioskProcess(List<String> command, Path log) {
		this.command = command;
		this.log = log;
	}

	/** Writes the properties next to the kiosk's data and prepares the command line. */
	static KioskProcess of(Properties properties, Path workDir) {
		try {
			Files.createDirectories(workDir);
			Path config = workDir.resolve("kiosk.properties");
			try (Writer writer = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
				properties.store(writer, "fault test kiosk");
			}
			String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
			List<String> command = List.of(java, "-Xmx96m", "-XX:+UseSerialGC", "-Xss512k", "-jar",
					shadedJar().toString(), config.toString());
			return new KioskProcess(command, workDir.resolve("kiosk.log"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Path shadedJar() {
		Path target = Path.of("..", "kiosk-client", "target").toAbsolutePath().normalize();
		try (Stream<Path> files = Files.list(target)) {
			return files.filter((f) -> f.getFileName().toString().matches("kiosk-client-.*-all\\.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("no kiosk-client-*-all.jar in " + target
						+ "; build the reactor (./mvnw install -DskipTests) first"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot list " + target + "; build kiosk-client first", ex);
		}
	}

	KioskProcess start() {
		try {
			this.process = new ProcessBuilder(this.command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()))
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot start " + this.command, ex);
		}
		return this;
	}

	boolean isAlive() {
		return this.process != null && this.process.isAlive();
	}

	long pid() {
		return this.process.pid();
	}

	/** SIGKILL: no shutdown hook runs, nothing is flushed, no offline status is sent. */
	void kill() {
		this.process.destroyForcibly();
		waitFor();
	}

	/** SIGTERM: the shutdown hook publishes offline and stops the player. */
	void stop() {
		this.process.destroy();
		waitFor();
	}

	String log() {
		try {
			return Files.readString(this.log);
		}
		catch (IOException ex) {
			return "(no log: " + ex + ")";
		}
	}

	private void waitFor() {
		try {
			if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
				throw new IllegalStateException("kiosk process " + this.process.pid() + " did not end");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		if (isAlive()) {
			this.process.destroyForcibly();
			waitFor();
		}
	}

}
