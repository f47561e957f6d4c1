package io.sunboard.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One Mosquitto process at a time for a config file, started and ended the ways tests
 * need: a graceful stop, a hard kill, and a restart on the same port.
 */
final class MosquittoProcess {

	static final Path EXECUTABLE = Path.of("/usr/sbin/mosquitto");

	private static final long START_TIMEOUT_MILLIS = 10_000;

	private static final long STOP_TIMEOUT_MILLIS = 10_000;

	private final Path directory;

	private final Path config;

	private final int port;

	private Process process;

	MosquittoProcess(Path directory, Path config, int port) {
		this.directory = directory;
		this.config = config;
		this.port = port;
	}

	/**
	 * Does nothing when already running; returns once the port accepts TCP connections.
	 */
	synchronized void start() {
		if (isRunning()) {
			return;
		}
		try {
			this.process = new ProcessBuilder(EXECUTABLE.toString(), "-c", this.config.toString())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.directory.resolve("mosquitto.out").toFile()))
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not start " + EXECUTABLE, ex);
		}
		awaitAcceptingConnections();
	}

	/** SIGTERM, so Mosquitto writes its persistence file before it exits. */
	synchronized void stop() {
		if (!isRunning()) {
			return;
		}
		this.process.destroy();
		if (!waitForExit(STOP_TIMEOUT_MILLIS)) {
			this.process.destroyForcibly();
			waitForExit(STOP_TIMEOUT_MILLIS);
			throw new IllegalStateException("mosquitto on port " + this.port + " ignored SIGTERM for "
					+ STOP_TIMEOUT_MILLIS + " ms and was killed, so its persistence file was not written");
		}
	}

	/** SIGKILL: nothing is saved and clients get no DISCONNECT. */
	synchronized void kill() {
		if (isRunning()) {
			this.process.destroyForcibly();
			waitForExit(STOP_TIMEOUT_MILLIS);
		}
	}

	synchronized boolean isRunning() {
		return this.process != null && this.process.isAlive();
	}

	private void awaitAcceptingConnections() {
		long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
		while (!acceptsConnections()) {
			if (System.currentTimeMillis() > deadline) {
				this.process.destroyForcibly();
				throw new IllegalStateException("mosquitto did not accept connections on port " + this.port + " within "
						+ START_TIMEOUT_MILLIS + " ms; " + logs());
			}
			// Waiting for exit doubles as the pause between attempts and notices at once
			// when Mosquitto gives up, e.g. on a bad config or a port taken meanwhile.
			if (waitForExit(50)) {
				String message = "mosquitto exited with " + this.process.exitValue()
						+ " before accepting connections on port " + this.port + "; " + logs();
				throw message.contains("Address already in use") ? new PortTakenException(message)
						: new IllegalStateException(message);
			}
		}
	}

	private boolean acceptsConnections() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 200);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private boolean waitForExit(long millis) {
		try {
			return this.process.waitFor(millis, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for mosquitto on port " + this.port, ex);
		}
	}

	private String logs() {
		return "output: " + tail(this.directory.resolve("mosquitto.out")) + "; log: "
				+ tail(this.directory.resolve("mosquitto.log"));
	}

	private static String tail(Path file) {
		try {
			List<String> lines = Files.readAllLines(file);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
		}
		catch (IOException ex) {
			return "(no " + file.getFileName() + ")";
		}
	}

	/**
	 * Another process bound the port between {@link FreePorts#find()} and Mosquitto's
	 * start; worth another try on another port.
	 */
	static final class PortTakenException extends IllegalStateException {

		PortTakenException(String message) {
			super(message);
		}

	}

}
