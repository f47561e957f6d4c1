package io.sunboard.server.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.embedded.EmbeddedHiveMQ;
import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * HiveMQ Community Edition inside the server process, so one {@code java -jar} runs a
 * school. Retained messages live in memory only: the server republishes every manifest
 * when it connects.
 */
public class EmbeddedBroker implements InitializingBean, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedBroker.class);

	private final BrokerSettings.Embedded settings;

	private final Path directory;

	private final EmbeddedAuthenticator authenticator;

	private EmbeddedHiveMQ hivemq;

	EmbeddedBroker(BrokerSettings.Embedded settings, Path directory, EmbeddedAuthenticator authenticator) {
		this.settings = settings;
		this.directory = directory;
		this.authenticator = authenticator;
	}

	public int port() {
		return this.settings.port();
	}

	@Override
	public void afterPropertiesSet() {
		Path conf = this.directory.resolve("conf");
		Path data = this.directory.resolve("data");
		Path extensions = this.directory.resolve("extensions");
		try {
			// HiveMQ refuses to start unless these folders exist.
			Files.createDirectories(conf);
			Files.createDirectories(data);
			Files.createDirectories(extensions);
			Files.writeString(conf.resolve("config.xml"), config());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot prepare the embedded broker's folders under " + this.directory, ex);
		}
		EmbeddedExtension extension = EmbeddedExtension.builder()
			.withId("sunboard-device-auth")
			.withName("Sunboard device authentication")
			.withVersion("1")
			.withAuthor("Sunboard")
			.withPriority(1000)
			.withStartPriority(1000)
			.withExtensionMain(new AuthExtension(this.authenticator))
			.build();
		this.hivemq = EmbeddedHiveMQ.builder()
			.withConfigurationFolder(conf)
			.withDataFolder(data)
			.withExtensionsFolder(extensions)
			.withEmbeddedExtension(extension)
			.withoutLoggingBootstrap()
			.build();
		this.hivemq.start().join();
		log.info("Embedded MQTT broker listening on {}:{}", this.settings.bindAddress(), this.settings.port());
	}

	private String config() {
		return """
				<?xml version="1.0"?>
				<hivemq>
				  <listeners>
				    <tcp-listener>
				      <port>%d</port>
				      <bind-address>%s</bind-address>
				    </tcp-listener>
				  </listeners>
				  <persistence>
				    <mode>in-memory</mode>
				  </persistence>
				  <mqtt>
				    <receive-maximum>
				      <!-- QoS 1 messages a client may have in flight; HiveMQ's default 10
				           throttles the server's manifest fan-out to ten at a time -->
				      <server-receive-maximum>1000</server-receive-maximum>
				    </receive-maximum>
				  </mqtt>
				  <anonymous-usage-statistics>
				    <enabled>false</enabled>
				  </anonymous-usage-statistics>
				</hivemq>
				""".formatted(this.settings.port(), this.settings.bindAddress());
	}

	@Override
	public void destroy() throws Exception {
		if (this.hivemq != null) {
			this.hivemq.stop().join();
			this.hivemq.close();
		}
	}

	private record AuthExtension(EmbeddedAuthenticator authenticator) implements ExtensionMain {

		@Override
		public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
			Services.securityRegistry().setAuthenticatorProvider((providerInput) -> this.authenticator);
		}

		@Override
		public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
		}

	}

}
