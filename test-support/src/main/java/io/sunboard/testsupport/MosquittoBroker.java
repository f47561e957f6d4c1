package io.sunboard.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

import io.sunboard.protocol.Ids;
import io.sunboard.protocol.TopicGrant;
import io.sunboard.protocol.Topics;

import io.sunboard.testsupport.DynamicSecurity.AclType;

/**
 * A real Mosquitto process with the dynamic-security plugin, on a free 127.0.0.1 port and
 * with its own temp directory for config, plugin file, persistence and log. Accounts get
 * exactly the grants {@link Topics} defines, so tests see the same refusals a production
 * broker gives.
 */
public final class MosquittoBroker implements AutoCloseable {

	private static final Path DYNSEC_PLUGIN = Path.of("/usr/lib/x86_64-linux-gnu/mosquitto_dynamic_security.so");

	private static final String ADMIN = "admin";

	private final Path directory;

	private final int port;

	private final String adminPassword;

	private final DynamicSecurity dynamicSecurity;

	private final MosquittoProcess process;

	/** 0 without a TLS listener. */
	private final int tlsPort;

	private final TestCertificateAuthority tls;

	private boolean closed;

	private MosquittoBroker(Path directory, int port, String adminPassword, TestCertificateAuthority tls) {
		this.directory = directory;
		this.port = port;
		this.tls = tls;
		this.tlsPort = (tls != null) ? FreePorts.find() : 0;
		this.adminPassword = adminPassword;
		this.dynamicSecurity = new DynamicSecurity(port, ADMIN, adminPassword);
		this.process = new MosquittoProcess(directory, directory.resolve("mosquitto.conf"), port);
	}

	/**
	 * Starts a new broker in a new temp directory. Not called {@code start()}: Java
	 * forbids a static and an instance method with one signature, and a static
	 * {@code start()} would make a restart written as {@code broker.start()} compile
	 * silently into launching a second broker.
	 */
	public static MosquittoBroker startNew() {
		return startNew(null);
	}

	/**
	 * Like {@link #startNew()}, plus a TLS listener ({@link #tlsUrl()}) presenting the
	 * server certificate of {@code tls}, as a production broker should face screens on
	 * networks it does not control. The plain listener stays for the test's own admin
	 * tooling. {@code tls} stays the caller's to close.
	 */
	public static MosquittoBroker startNew(TestCertificateAuthority tls) {
		if (!Files.isExecutable(MosquittoProcess.EXECUTABLE) || !Files.isReadable(DYNSEC_PLUGIN)) {
			throw new IllegalStateException("Mosquitto tests need " + MosquittoProcess.EXECUTABLE + " and "
					+ DYNSEC_PLUGIN + ": install Debian's mosquitto (bash .ci/run does)");
		}
		Path directory = TempDirectories.create("sunboard-mosquitto-");
		try {
			String adminPassword = randomPassword();
			DynamicSecurity.init(directory.resolve("dynamic-security.json"), ADMIN, adminPassword);
			return startOnFreePort(directory, adminPassword, tls);
		}
		catch (RuntimeException ex) {
			TempDirectories.delete(directory);
			throw ex;
		}
	}

	public String url() {
		return "tcp://127.0.0.1:" + this.port;
	}

	public int port() {
		return this.port;
	}

	/** {@code ssl://127.0.0.1:<port>} of the TLS listener. */
	public String tlsUrl() {
		if (this.tls == null) {
			throw new IllegalStateException("this broker has no TLS listener; start it with startNew(ca)");
		}
		return "ssl://127.0.0.1:" + this.tlsPort;
	}

	/** Has dynsec's built-in admin role: may use {@code $CONTROL/dynamic-security/#}. */
	public String adminUsername() {
		return ADMIN;
	}

	public String adminPassword() {
		return this.adminPassword;
	}

	/** Holds mosquitto.conf, dynamic-security.json, mosquitto.db and mosquitto.log. */
	public Path directory() {
		return this.directory;
	}

	/**
	 * Creates the dynsec client {@code deviceId} with its own role
	 * {@code device-<deviceId>} whose ACLs are exactly {@link Topics#deviceGrants}.
	 * Literal subscribe ACLs mean a device cannot widen its reach with wildcards.
	 * @param schoolId may be null
	 * @param regionId may be null
	 */
	public void addDevice(String topicRoot, String deviceId, String password, String schoolId, String regionId) {
		List<TopicGrant> grants = new Topics(topicRoot).deviceGrants(deviceId, schoolId, regionId);
		String role = "device-" + deviceId;
		this.dynamicSecurity.createRole(role);
		for (TopicGrant grant : grants) {
			AclType type = (grant.access() == TopicGrant.Access.SUBSCRIBE) ? AclType.SUBSCRIBE_LITERAL
					: AclType.PUBLISH_CLIENT_SEND;
			this.dynamicSecurity.allow(role, type, grant.topic());
		}
		addClient(deviceId, password, role);
	}

	/**
	 * Creates a client that may publish, receive and subscribe anywhere under the topic
	 * root, plain or through a shared subscription such as
	 * {@link Topics#sharedSubscription}. Mosquitto 2.0.11 checks a shared subscription
	 * against the ACLs with its {@code $share/<group>/} prefix, so the prefixed filter
	 * needs its own grant.
	 */
	public void addServerAccount(String topicRoot, String username, String password) {
		// ACL filters, not topics: the protocol module builds every topic, but has no
		// filter for a whole tree, which only a test account needs.
		String everything = new Topics(topicRoot).root() + "/#";
		String role = "server-" + Ids.require(username, "username");
		this.dynamicSecurity.createRole(role);
		this.dynamicSecurity.allow(role, AclType.PUBLISH_CLIENT_SEND, everything);
		this.dynamicSecurity.allow(role, AclType.PUBLISH_CLIENT_RECEIVE, everything);
		this.dynamicSecurity.allow(role, AclType.SUBSCRIBE_PATTERN, everything);
		this.dynamicSecurity.allow(role, AclType.SUBSCRIBE_PATTERN, "$share/+/" + everything);
		addClient(username, password, role);
	}

	private void addClient(String username, String password, String role) {
		this.dynamicSecurity.createClient(username, password);
		this.dynamicSecurity.addClientRole(username, role);
	}

	/**
	 * (Re)starts on the same port and directory, so retained messages and dynsec clients
	 * survive a {@link #stop()}. Does nothing when already running. Returns once the port
	 * accepts TCP connections (bounded, about 10 s).
	 */
	public synchronized void start() {
		if (this.closed) {
			throw new IllegalStateException("broker on port " + this.port + " is closed; start a new one");
		}
		this.process.start();
	}

	/**
	 * Stops gracefully (SIGTERM), which makes Mosquitto write its persistence file, and
	 * waits for the exit.
	 */
	public void stop() {
		this.process.stop();
	}

	/**
	 * Kills the process (SIGKILL) like a power cut: nothing is saved and clients get no
	 * DISCONNECT.
	 */
	public void kill() {
		this.process.kill();
	}

	public boolean isRunning() {
		return this.process.isRunning();
	}

	/** Stops the broker and deletes its directory. */
	@Override
	public synchronized void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		try {
			stop();
		}
		finally {
			TempDirectories.delete(this.directory);
		}
	}

	@Override
	public String toString() {
		return "MosquittoBroker[" + url() + ", " + this.directory + "]";
	}

	private static MosquittoBroker startOnFreePort(Path directory, String adminPassword, TestCertificateAuthority tls) {
		// Other builds on the machine pick free ports too, so one may take ours first.
		for (int attempt = 1;; attempt++) {
			MosquittoBroker broker = new MosquittoBroker(directory, FreePorts.find(), adminPassword, tls);
			broker.writeConfig();
			try {
				broker.start();
				return broker;
			}
			catch (MosquittoProcess.PortTakenException ex) {
				if (attempt == 3) {
					throw ex;
				}
			}
		}
	}

	private void writeConfig() {
		// TLS 1.2 at least; the client must present no certificate (devices prove who
		// they are with their secret), but must verify the broker's
		String tlsListener = (this.tls == null) ? ""
				: String.join("\n", "listener " + this.tlsPort + " 127.0.0.1", "cafile " + this.tls.caFile(),
						"certfile " + this.tls.serverCertFile(), "keyfile " + this.tls.serverKeyFile(),
						"tls_version tlsv1.2", "require_certificate false");
		String config = String.join("\n", "# Generated by Sunboard test support for one test class.",
				"per_listener_settings false", "allow_anonymous false", "listener " + this.port + " 127.0.0.1",
				tlsListener, "plugin " + DYNSEC_PLUGIN,
				"plugin_opt_config_file " + this.directory.resolve("dynamic-security.json"), "persistence true",
				"persistence_location " + this.directory + "/",
				"log_dest file " + this.directory.resolve("mosquitto.log"),
				// Run as root, Mosquitto would drop to the 'mosquitto' user, which may
				// not write to this private temp directory; naming the current user keeps
				// the privileges the directory was created with.
				"user " + System.getProperty("user.name"), "");
		try {
			Files.writeString(this.directory.resolve("mosquitto.conf"), config, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not write mosquitto.conf in " + this.directory, ex);
		}
	}

	private static String randomPassword() {
		// Hex, so the password never starts with '-' and reads as an option to
		// mosquitto_ctrl.
		byte[] bytes = new byte[16];
		new SecureRandom().nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

}
