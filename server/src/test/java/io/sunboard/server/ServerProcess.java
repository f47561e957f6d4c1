package io.sunboard.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;

import io.sunboard.testsupport.FreePorts;

/**
 * The packaged server ({@code target/sunboard-server-exec.jar}) as its own process, so a
 * test can kill it like a crash (SIGKILL: no shutdown hooks, no graceful disconnect),
 * which a server inside the test JVM cannot show.
 */
final class ServerProcess implements AutoCloseable {

	private static final Path JAR = Path.of("target/sunboard-server-exec.jar");

	private final Process process;

	private final int httpPort;

	private final Path log;

	private final HttpClient http = HttpClient.newHttpClient();

	private ServerProcess(Process process, int httpPort, Path log) {
		this.process = process;
		this.httpPort = httpPort;
		this.log = log;
	}

	/**
	 * Starts with these settings (as --key=value) and waits until it answers HTTP; the C1
	 * compiler only, because start-up dominates on a busy 2-core machine.
	 */
	static ServerProcess start(Path dataDir, Map<String, Object> settings) {
		if (!Files.isReadable(JAR)) {
			throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: the package phase builds it");
		}
		int port = FreePorts.find();
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
						"-XX:TieredStopAtLevel=1", "-jar", JAR.toString(), "--server.port=" + port,
						"--sunboard.data-dir=" + dataDir, "--sunboard.admin-password=" + RunningServer.ADMIN_PASSWORD));
		settings.forEach((key, value) -> command.add("--" + key + "=" + value));
		try {
			Files.createDirectories(dataDir);
			Path log = dataDir.resolve("server.log");
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			ServerProcess server = new ServerProcess(process, port, log);
			Awaitility.await()
				.atMost(Duration.ofMinutes(5))
				.pollInterval(Duration.ofMillis(250))
				.ignoreExceptions()
				.until(() -> !process.isAlive() || server.get("/device-api/v1/time").statusCode() == 200);
			if (!process.isAlive()) {
				throw new IllegalStateException("server process exited; see " + log);
			}
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String url() {
		return "http://127.0.0.1:" + this.httpPort;
	}

	Path log() {
		return this.log;
	}

	/** A GET as the administrator; status 0 when nothing answers. */
	HttpResponse<String> get(String path) {
		String basic = Base64.getEncoder()
			.encodeToString(("admin:" + RunningServer.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
		try {
			return this.http.send(
					HttpRequest.newBuilder(URI.create(url() + path)).header("Authorization", "Basic " + basic).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** SIGKILL, like a power cut: the process gets no chance to tidy up. */
	/**
	 * Stops the process without a chance to react (SIGSTOP): it keeps its connections and
	 * takes no more work off them, so what the broker sends it meanwhile stays unhandled.
	 */
	void freeze() {
		try {
			Process stop = new ProcessBuilder("/bin/kill", "-STOP", Long.toString(this.process.pid())).inheritIO()
				.start();
			if (!stop.waitFor(10, TimeUnit.SECONDS) || stop.exitValue() != 0) {
				throw new IllegalStateException("kill -STOP " + this.process.pid() + " failed");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	void kill() {
		this.process.destroyForcibly();
		try {
			this.process.waitFor(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	@Override
	public void close() {
		if (this.process.isAlive()) {
			kill();
		}
	}

}
