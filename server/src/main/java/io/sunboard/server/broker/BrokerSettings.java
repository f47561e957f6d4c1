package io.sunboard.server.broker;

import java.net.URI;
import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which broker the server uses.
 *
 * @param mode {@code embedded} (HiveMQ CE inside this process) or {@code external}
 * (Mosquitto)
 */
@ConfigurationProperties("sunboard.broker")
public record BrokerSettings(@DefaultValue("embedded") Mode mode, @DefaultValue Embedded embedded,
		@DefaultValue External external) {

	public enum Mode {

		EMBEDDED, EXTERNAL

	}

	/**
	 * @param dataDir HiveMQ's folders; defaults to {@code <sunboard.data-dir>/broker}
	 * @param serverPassword the password of the server's own account
	 * ({@code sunboard-server}); unset (the default), a random one that lives only in
	 * memory. Set it only for a tool that must publish as the server, such as the raw
	 * broker baseline of {@code bench/FanOutBench}.
	 */
	public record Embedded(@DefaultValue("0.0.0.0") String bindAddress, @DefaultValue("1883") int port, Path dataDir,
			String serverPassword) {

	}

	/**
	 * @param url e.g. tcp://mosquitto:1883
	 * @param username the server's own broker account (reads every device's events,
	 * writes manifests)
	 * @param dynsecUsername an account allowed to use Mosquitto's dynamic-security
	 * control topic, for creating device accounts
	 * @param caFile PEM file of the CA whose certificates the broker's TLS listener must
	 * present (for an {@code ssl://} URL); empty to use the JVM's trust store
	 */
	public record External(URI url, String username, String password, String dynsecUsername, String dynsecPassword,
			Path caFile) {

	}

}
