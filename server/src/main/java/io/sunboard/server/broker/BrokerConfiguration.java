package io.sunboard.server.broker;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.sunboard.protocol.JsonCodec;
import io.sunboard.protocol.Topics;
import io.sunboard.server.device.BrokerAccounts;
import io.sunboard.server.device.DeviceRegistry;
import io.sunboard.server.device.DeviceSecrets;
import io.sunboard.server.school.SchoolRepository;
import io.sunboard.server.system.SunboardSettings;

@Configuration(proxyBeanMethods = false)
class BrokerConfiguration {

	/**
	 * {@code sunboard.mqtt.bursts}: fan-outs that held device messages back while their
	 * manifests went out (an ack then comes up to 3 s later; docs/reports.md).
	 */
	@Bean
	MeterBinder mqttBurstMetrics(MqttGateway gateway) {
		return (registry) -> FunctionCounter.builder("sunboard.mqtt.bursts", gateway, MqttGateway::heldBursts)
			.description("dispatches that held inbound device messages back while their manifests went out")
			.register(registry);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "sunboard.broker.mode", havingValue = "embedded", matchIfMissing = true)
	static class EmbeddedMode {

		@Bean
		ServerAccount serverAccount(BrokerSettings settings) {
			// The server talks to its own in-process broker with a password that lives
			// only in memory, unless a benchmark asked for a known one.
			String password = settings.embedded().serverPassword();
			return new ServerAccount("sunboard-server",
					(password != null && !password.isBlank()) ? password : DeviceSecrets.generate());
		}

		@Bean
		EmbeddedBroker embeddedBroker(BrokerSettings settings, SunboardSettings sunboard, ServerAccount account,
				DeviceRegistry registry, SchoolRepository schools, Topics topics) {
			Path dir = Objects.requireNonNullElse(settings.embedded().dataDir(), sunboard.dataDir().resolve("broker"));
			return new EmbeddedBroker(settings.embedded(), dir,
					new EmbeddedAuthenticator(account, registry, schools, topics));
		}

		@Bean
		BrokerAccounts brokerAccounts() {
			return new EmbeddedBrokerAccounts();
		}

		@Bean
		MqttGateway mqttGateway(EmbeddedBroker broker, ServerAccount account, Topics topics,
				ApplicationEventPublisher events) {
			URI url = URI.create("tcp://127.0.0.1:" + broker.port());
			return new MqttGateway(url, account, topics, events);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "sunboard.broker.mode", havingValue = "external")
	static class ExternalMode {

		@Bean
		ServerAccount serverAccount(BrokerSettings settings) {
			BrokerSettings.External external = settings.external();
			if (external.url() == null || external.username() == null || external.password() == null) {
				throw new IllegalStateException("sunboard.broker.mode=external needs sunboard.broker.external.url"
						+ " (e.g. tcp://mosquitto:1883), .username and .password (the server's broker account)");
			}
			return new ServerAccount(external.username(), external.password());
		}

		@Bean
		BrokerAccounts brokerAccounts(BrokerSettings settings, Topics topics, JsonCodec codec) {
			return new DynsecBrokerAccounts(settings.external(), topics, codec);
		}

		@Bean
		MqttGateway mqttGateway(BrokerSettings settings, ServerAccount account, Topics topics,
				ApplicationEventPublisher events) {
			return new MqttGateway(settings.external().url(), settings.external().caFile(), account, topics, events);
		}

	}

}
