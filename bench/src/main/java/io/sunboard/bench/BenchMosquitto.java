package io.sunboard.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import org.awaitility.Awaitility;

import io.sunboard.protocol.TopicGrant;
import io.sunboard.protocol.Topics;
import io.sunboard.testsupport.FreePorts;
import io.sunboard.testsupport.sim.ScreenIdentity;

/**
 * Debian's Mosquitto as the server's external broker, for FanOutBench with
 * {@code -Dfanoutbench.broker=mosquitto}: the production broker of DESIGN.md, with
 * device-config/mosquitto's limits (1,000 QoS 1 messages in flight, queues of 100,000)
 * and each screen's grants, but accounts and ACLs in a password file and an ACL file
 * instead of the dynamic-security plugin (whose 10,000 accounts would take minutes to
 * create one by one) and no persistence (the embedded broker keeps retained messages in
 * memory too).
 */
final class BenchMosquitto implements AutoCloseable {

	private static final Path EXECUTABLE = Path.of("/usr/sbin/mosquitto");

	private static final Path PASSWD = Path.of("/usr/bin/mosquitto_passwd");

	private final Path directory;

	private final int port;

	private final String serverUsername;

	private final String serverPassword;

	private final Process process;

	private BenchMosquitto(Path directory, int port, String serverUsername, String serverPassword, Process process) {
		this.directory = directory;
		this.port = port;
		this.serverUsername = serverUsername;
		this.serverPassword = serverPassword;
		this.process = process;
	}

	static BenchMosquitto start(Path directory, String serverUsername, String serverPassword) throws IOException {
		if (!Files.isExecutable(EXECUTABLE) || !Files.isExecutable(PASSWD)) {
			throw new IllegalStateException("-Dfanoutbench.broker=mosquitto needs " + EXECUTABLE + " and " + PASSWD
					+ ": apt-get install mosquitto");
		}
		int port = FreePorts.find();
		Files.createDirectories(directory);
		writeAcl(directory, serverUsername, List.of());
		Files.writeString(directory.resolve("mosquitto.conf"),
				"""
						per_listener_settings false
						allow_anonymous false
						password_file %s
						acl_file %s
						listener %d 127.0.0.1
						persistence false
						max_queued_messages 100000
						max_queued_bytes 0
						max_inflight_messages 1000
						max_packet_size 263168
						set_tcp_nodelay true
						log_dest file %s
						log_type error
						log_type warning
						user %s
						""".formatted(directory.resolve("passwd"), directory.resolve("acl"), port,
						directory.resolve("mosquitto.log"),
						// as root Mosquitto would drop to the user 'mosquitto', who may
						// not read
						// this private directory
						System.getProperty("user.name")));
		writePasswords(directory, List.of(serverUsername + ":" + serverPassword));
		Process process = new ProcessBuilder(EXECUTABLE.toString(), "-c",
				directory.resolve("mosquitto.conf").toString())
			.redirectErrorStream(true)
			.redirectOutput(directory.resolve("mosquitto.out").toFile())
			.start();
		Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "bench-mosquitto-stop"));
		BenchMosquitto broker = new BenchMosquitto(directory, port, serverUsername, serverPassword, process);
		Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> !process.isAlive() || broker.accepts());
		if (!process.isAlive()) {
			throw new IllegalStateException("mosquitto exited; see " + directory.resolve("mosquitto.out"));
		}
		return broker;
	}

	/** The first line of {@code mosquitto -h}, e.g. "2.0.11". */
	static String version() {
		try {
			Process p = new ProcessBuilder(EXECUTABLE.toString(), "-h").redirectErrorStream(true).start();
			String first = new String(p.getInputStream().readAllBytes()).lines().findFirst().orElse("");
			p.waitFor(10, TimeUnit.SECONDS);
			return first.replace("mosquitto version ", "");
		}
		catch (IOException ex) {
			return "version unknown";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "version unknown";
		}
	}

	int port() {
		return this.port;
	}

	String url() {
		return "tcp://127.0.0.1:" + this.port;
	}

	/**
	 * Gives each screen an account with its secret, then has Mosquitto reload its files.
	 */
	void allow(List<ScreenIdentity> screens) throws IOException {
		List<String> lines = new ArrayList<>();
		lines.add(this.serverUsername + ":" + this.serverPassword);
		screens.forEach((s) -> lines.add(s.deviceId() + ":" + s.secret()));
		writePasswords(this.directory, lines);
		writeAcl(this.directory, this.serverUsername, screens);
		run(List.of("kill", "-HUP", Long.toString(this.process.pid())));
		if (!screens.isEmpty()) {
			awaitAccepted(screens.get(screens.size() - 1));
		}
	}

	/**
	 * Mosquitto rereads its files after the signal, on its own time: until then a screen
	 * connecting would be refused, and the fleet gives up on a refusal.
	 */
	private void awaitAccepted(ScreenIdentity screen) {
		Mqtt5BlockingClient probe = Mqtt5Client.builder()
			.identifier(screen.deviceId())
			.serverHost("127.0.0.1")
			.serverPort(this.port)
			.simpleAuth()
			.username(screen.deviceId())
			.password(screen.secret().getBytes(StandardCharsets.UTF_8))
			.applySimpleAuth()
			.buildBlocking();
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.ignoreExceptions()
			.until(() -> {
				probe.connectWith().cleanStart(true).send();
				probe.disconnect();
				return true;
			});
	}

	long pid() {
		return this.process.pid();
	}

	/**
	 * The server may use the whole topic root, plain and through a shared subscription
	 * (Mosquitto 2.0 checks the latter with its {@code $share/<group>/} prefix); each
	 * screen exactly its {@link Topics#deviceGrants}, as the production broker's roles.
	 */
	private static void writeAcl(Path directory, String serverUsername, List<ScreenIdentity> screens)
			throws IOException {
		Topics topics = Topics.defaults();
		// ACL filters, not topics: the protocol module has no filter for a whole tree
		String everything = topics.root() + "/#";
		List<String> lines = new ArrayList<>(List.of("user " + serverUsername, "topic readwrite " + everything,
				"topic read $share/+/" + everything));
		for (ScreenIdentity screen : screens) {
			lines.add("user " + screen.deviceId());
			for (TopicGrant grant : topics.deviceGrants(screen.deviceId(), screen.schoolId(), screen.regionId())) {
				lines.add("topic " + ((grant.access() == TopicGrant.Access.SUBSCRIBE) ? "read " : "write ")
						+ grant.topic());
			}
		}
		Files.write(directory.resolve("acl"), lines);
	}

	/** Plain "user:password" lines, then hashed in place by mosquitto_passwd. */
	private static void writePasswords(Path directory, List<String> lines) throws IOException {
		Path file = directory.resolve("passwd");
		Files.write(file, lines);
		run(List.of(PASSWD.toString(), "-U", file.toString()));
	}

	private static void run(List<String> command) throws IOException {
		Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
		try {
			if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
				throw new IllegalStateException(
						String.join(" ", command) + " failed: " + new String(p.getInputStream().readAllBytes()));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted: " + String.join(" ", command), ex);
		}
	}

	private boolean accepts() {
		try (Socket s = new Socket()) {
			s.connect(new InetSocketAddress("127.0.0.1", this.port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
