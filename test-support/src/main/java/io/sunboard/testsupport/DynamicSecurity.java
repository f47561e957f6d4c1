package io.sunboard.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Administers Mosquitto's dynamic-security plugin through {@code mosquitto_ctrl}, the
 * same tool an operator uses, so tests exercise the real plugin rather than a stand-in.
 */
final class DynamicSecurity {

	private static final String MOSQUITTO_CTRL = "/usr/bin/mosquitto_ctrl";

	private static final long TIMEOUT_SECONDS = 10;

	/**
	 * mosquitto_ctrl 2.0.11 exits 0 even when the plugin rejects a command, printing e.g.
	 * "createRole: Error: Role already exists" or "Connection error: Not authorized", so
	 * the output is the only reliable signal.
	 */
	private static final Pattern FAILURE = Pattern.compile("(?i)error:");

	private final int port;

	private final String adminUsername;

	private final String adminPassword;

	DynamicSecurity(int port, String adminUsername, String adminPassword) {
		this.port = port;
		this.adminUsername = adminUsername;
		this.adminPassword = adminPassword;
	}

	/** Writes a new plugin file whose only client is the given admin. */
	static void init(Path file, String adminUsername, String adminPassword) {
		run(List.of(MOSQUITTO_CTRL, "dynsec", "init", file.toString(), adminUsername, adminPassword));
	}

	void createRole(String role) {
		command("createRole", role);
	}

	void allow(String role, AclType type, String topicFilter) {
		command("addRoleACL", role, type.value, topicFilter, "allow");
	}

	void createClient(String username, String password) {
		// Without -p mosquitto_ctrl would prompt for the password on the terminal.
		command("createClient", username, "-p", password);
	}

	void addClientRole(String username, String role) {
		command("addClientRole", username, role);
	}

	private void command(String... args) {
		List<String> command = new ArrayList<>(List.of(MOSQUITTO_CTRL, "-h", "127.0.0.1", "-p",
				Integer.toString(this.port), "-u", this.adminUsername, "-P", this.adminPassword, "dynsec"));
		command.addAll(List.of(args));
		run(command);
	}

	private static void run(List<String> command) {
		String shown = String.join(" ", command.subList(command.indexOf("dynsec"), command.size()));
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
				.start();
			if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException(
						"mosquitto_ctrl " + shown + " did not finish within " + TIMEOUT_SECONDS + " s");
			}
			// Reading after exit is safe: the output is a few lines, far below a pipe's
			// buffer, so the process never blocks on writing it.
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (process.exitValue() != 0 || FAILURE.matcher(output).find()) {
				throw new IllegalStateException(
						"mosquitto_ctrl " + shown + " failed (exit " + process.exitValue() + "): " + output.strip());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(
					"could not run " + MOSQUITTO_CTRL + "; install Debian's mosquitto (bash .ci/run does)", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while running mosquitto_ctrl " + shown, ex);
		}
	}

	/** The plugin's ACL types that Sunboard accounts use. */
	enum AclType {

		/** May publish on topics matching the filter. */
		PUBLISH_CLIENT_SEND("publishClientSend"),
		/** May receive messages on topics matching the filter. */
		PUBLISH_CLIENT_RECEIVE("publishClientReceive"),
		/** May subscribe with exactly this filter, character for character. */
		SUBSCRIBE_LITERAL("subscribeLiteral"),
		/** May subscribe with any filter the pattern matches, wildcards included. */
		SUBSCRIBE_PATTERN("subscribePattern");

		private final String value;

		AclType(String value) {
			this.value = value;
		}

	}

}
