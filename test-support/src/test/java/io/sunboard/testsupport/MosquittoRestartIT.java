package io.sunboard.testsupport;

import java.nio.file.Path;
import java.time.Duration;

import io.sunboard.protocol.Topics;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Stops, kills and restarts its own brokers, so it does not share one with other tests.
 */
@Timeout(60)
class MosquittoRestartIT {

	private static final Topics TOPICS = Topics.defaults();

	private final Clients clients = new Clients();

	@AfterEach
	void disconnect() {
		this.clients.closeAll();
	}

	@Test
	void retainedManifestAndAccountsSurviveStopAndStart() throws MqttException {
		Path directory;
		try (MosquittoBroker broker = MosquittoBroker.startNew()) {
			directory = broker.directory();
			broker.addServerAccount(TOPICS.root(), "server", "pw");
			broker.addDevice(TOPICS.root(), "screen-1", "pw", "school-1", null);
			TestClient server = this.clients.connect(broker.url(), "server", "pw");
			assertThat(server.publish(TOPICS.manifest("screen-1"), "manifest-1", true))
				.isLessThan(TestClient.FIRST_FAILURE);
			this.clients.closeAll();

			broker.stop();
			assertThat(broker.isRunning()).isFalse();
			broker.start();

			assertThat(broker.isRunning()).isTrue();
			TestClient screen = this.clients.connect(broker.url(), "screen-1", "pw");
			screen.subscribe(TOPICS.manifest("screen-1"));
			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(screen.received())
					.containsExactly(TOPICS.manifest("screen-1") + " manifest-1"));
		}
		assertThat(directory).doesNotExist();
	}

	@Test
	void killedBrokerRestartsOnTheSamePort() throws MqttException {
		try (MosquittoBroker broker = MosquittoBroker.startNew()) {
			broker.addDevice(TOPICS.root(), "screen-1", "pw", null, null);
			String url = broker.url();

			broker.kill();

			assertThat(broker.isRunning()).isFalse();
			assertThatExceptionOfType(MqttException.class)
				.isThrownBy(() -> this.clients.connect(url, "screen-1", "pw"));
			broker.start();
			assertThat(broker.url()).isEqualTo(url);
			assertThat(this.clients.connect(url, "screen-1", "pw").isConnected()).isTrue();
		}
	}

	@Test
	void closedBrokerCannotStartAgain() {
		MosquittoBroker broker = MosquittoBroker.startNew();
		broker.close();

		assertThat(broker.isRunning()).isFalse();
		assertThat(broker.directory()).doesNotExist();
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(broker::start)
			.withMessageContaining("closed");
	}

}
