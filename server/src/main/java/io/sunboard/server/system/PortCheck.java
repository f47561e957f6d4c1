package io.sunboard.server.system;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Before anything starts, checks that the ports this server will listen on are free, and
 * if one is taken says which and how to choose another, instead of failing later with a
 * stack trace.
 */
public class PortCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		List<String> problems = problems(event.getEnvironment());
		if (!problems.isEmpty()) {
			System.err.println();
			problems.forEach(System.err::println);
			System.err.println();
			System.exit(2);
		}
	}

	/** One line per port that is taken, naming the setting that chooses another. */
	static List<String> problems(Environment env) {
		List<String> problems = new ArrayList<>();
		check(env, "server.port", "HTTP (console, REST API, content for screens)", "0.0.0.0", problems);
		if ("embedded".equalsIgnoreCase(env.getProperty("sunboard.broker.mode", "embedded"))) {
			check(env, "sunboard.broker.embedded.port", "MQTT (embedded broker)",
					env.getProperty("sunboard.broker.embedded.bind-address", "0.0.0.0"), problems);
		}
		if (env.getProperty("sunboard.demo.enabled", Boolean.class, false)) {
			check(env, "sunboard.demo.player-port", "demo screen's player page", "127.0.0.1", problems);
		}
		return problems;
	}

	private static void check(Environment env, String key, String what, String bind, List<String> problems) {
		Integer port = env.getProperty(key, Integer.class);
		if (port == null || port == 0) {
			return;
		}
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(InetAddress.getByName(bind), port));
		}
		catch (IOException ex) {
			problems.add("Port " + port + " for " + what + " is already in use on this machine. Choose another with --"
					+ key + "=<port> (or stop whatever listens on " + port + ").");
		}
	}

}
