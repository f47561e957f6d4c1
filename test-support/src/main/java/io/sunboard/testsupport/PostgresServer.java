package io.sunboard.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A throwaway PostgreSQL 15 cluster on a free 127.0.0.1 port, in its own temp directory,
 * tuned for tests (no fsync). PostgreSQL refuses to run as root, so when the JVM is root
 * (CI) the cluster runs as the {@code postgres} user Debian's package creates, through
 * {@code setpriv}, which execs instead of forking so the process we hold is the
 * postmaster itself.
 */
public final class PostgresServer implements AutoCloseable {

	/**
	 * Debian's PostgreSQL 15 (package postgresql-15); /usr/local/bin/initdb links here.
	 */
	public static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");

	/** The superuser initdb creates; trust authentication on loopback, no password. */
	public static final String USER = "sunboard";

	private static final String OS_USER = "postgres";

	private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

	private static volatile PostgresServer shared;

	private final Path directory;

	private final int port;

	private volatile Process process;

	private final AtomicInteger databases = new AtomicInteger();

	private boolean closed;

	private PostgresServer(Path directory, int port, Process process) {
		this.directory = directory;
		this.port = port;
		this.process = process;
	}

	/** Initialises and starts a new cluster; returns once it accepts connections. */
	public static PostgresServer startNew() {
		if (!Files.isExecutable(BIN.resolve("postgres"))) {
			throw new IllegalStateException(
					"PostgreSQL tests need " + BIN + "/{initdb,postgres}: install Debian's postgresql (bin/test does)");
		}
		Path directory = TempDirectories.create("sunboard-postgres-");
		try {
			Path data = directory.resolve("data");
			if (isRoot()) {
				run(List.of("chown", OS_USER + ":" + OS_USER, directory.toString()));
			}
			run(asServerUser(List.of(BIN.resolve("initdb").toString(), "-D", data.toString(), "-U", USER,
					"--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "-N")));
			for (int attempt = 1;; attempt++) {
				int port = FreePorts.find();
				Process process = start(directory, data, port);
				PostgresServer server = new PostgresServer(directory, port, process);
				if (server.awaitReady()) {
					return server;
				}
				process.destroyForcibly();
				if (attempt == 3) {
					throw new IllegalStateException(
							"PostgreSQL did not start; see " + directory.resolve("postgres.log"));
				}
			}
		}
		catch (RuntimeException ex) {
			TempDirectories.delete(directory);
			throw ex;
		}
	}

	/**
	 * One cluster for the whole JVM, started on first use and stopped when the JVM exits,
	 * so a test suite pays for initdb once and gives each server a fresh database.
	 */
	public static PostgresServer shared() {
		PostgresServer server = shared;
		if (server == null) {
			synchronized (PostgresServer.class) {
				server = shared;
				if (server == null) {
					server = startNew();
					Runtime.getRuntime().addShutdownHook(new Thread(server::close, "postgres-stop"));
					shared = server;
				}
			}
		}
		return server;
	}

	/** Creates a new empty database and returns its name. */
	public String createDatabase(String prefix) {
		String name = prefix.replaceAll("[^a-z0-9_]", "_") + "_" + this.databases.incrementAndGet();
		try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USER, "");
				Statement statement = connection.createStatement()) {
			statement.execute("create database " + name);
			return name;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("could not create database " + name, ex);
		}
	}

	public String jdbcUrl(String database) {
		return "jdbc:postgresql://127.0.0.1:" + this.port + "/" + database;
	}

	public int port() {
		return this.port;
	}

	/** Holds data/ and postgres.log. */
	public Path directory() {
		return this.directory;
	}

	/**
	 * A database restart as operators do it: a fast shutdown (open transactions roll
	 * back, connections drop, committed work is flushed), then the same cluster on the
	 * same port. Returns once it accepts connections again.
	 */
	public synchronized void restart() {
		try {
			// SIGINT is PostgreSQL's fast shutdown
			new ProcessBuilder("kill", "-INT", Long.toString(this.process.pid())).start().waitFor(5, TimeUnit.SECONDS);
			if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
				throw new IllegalStateException(
						"PostgreSQL did not stop within a minute; see " + this.directory.resolve("postgres.log"));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while PostgreSQL stopped", ex);
		}
		this.process = start(this.directory, this.directory.resolve("data"), this.port);
		if (!awaitReady()) {
			throw new IllegalStateException("PostgreSQL did not start again on port " + this.port + "; see "
					+ this.directory.resolve("postgres.log"));
		}
	}

	/**
	 * Stops immediately (a test cluster has nothing worth a checkpoint) and deletes it.
	 */
	@Override
	public synchronized void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		// SIGQUIT is PostgreSQL's immediate shutdown: the postmaster takes its backends
		// down with it, which SIGKILL would not.
		try {
			new ProcessBuilder("kill", "-QUIT", Long.toString(this.process.pid())).start().waitFor(5, TimeUnit.SECONDS);
			if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (IOException ex) {
			this.process.destroyForcibly();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
		TempDirectories.delete(this.directory);
	}

	@Override
	public String toString() {
		return "PostgresServer[127.0.0.1:" + this.port + ", " + this.directory + "]";
	}

	private static Process start(Path directory, Path data, int port) {
		List<String> command = asServerUser(List.of(BIN.resolve("postgres").toString(), "-D", data.toString(), "-p",
				Integer.toString(port), "-c", "listen_addresses=127.0.0.1", "-c",
				"unix_socket_directories=" + directory, "-c", "fsync=off", "-c", "synchronous_commit=off", "-c",
				"full_page_writes=off", "-c", "max_connections=300", "-c", "shared_buffers=64MB"));
		try {
			return new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("postgres.log").toFile()))
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not start " + command, ex);
		}
	}

	private boolean awaitReady() {
		try {
			Awaitility.await()
				.atMost(START_TIMEOUT)
				.pollInterval(Duration.ofMillis(100))
				.until(() -> !this.process.isAlive() || accepts());
			// not alive: most likely the port was taken between finding and binding it
			return this.process.isAlive();
		}
		catch (ConditionTimeoutException ex) {
			return false;
		}
	}

	private boolean accepts() {
		try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USER, "")) {
			return true;
		}
		catch (SQLException ex) {
			return false;
		}
	}

	private static List<String> asServerUser(List<String> command) {
		if (!isRoot()) {
			return command;
		}
		List<String> wrapped = new ArrayList<>(
				List.of("setpriv", "--reuid=" + OS_USER, "--regid=" + OS_USER, "--init-groups", "--"));
		wrapped.addAll(command);
		return wrapped;
	}

	private static boolean isRoot() {
		return "root".equals(System.getProperty("user.name"));
	}

	private static void run(List<String> command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			byte[] output = process.getInputStream().readAllBytes();
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException(command + " failed: " + new String(output));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not run " + command, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
