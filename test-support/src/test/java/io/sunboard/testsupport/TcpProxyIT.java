package io.sunboard.testsupport;

import java.time.Duration;

import io.sunboard.protocol.Topics;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

@ExtendWith(MosquittoExtension.class)
@Timeout(60)
class TcpProxyIT {

	private final Clients clients = new Clients();

	@AfterEach
	void disconnect() {
		this.clients.closeAll();
	}

	@Test
	void mqttClientLosesConnectionOnCutAndConnectsAgainAfterRestore(MosquittoBroker broker) throws MqttException {
		broker.addDevice(Topics.DEFAULT_ROOT, "screen-1", "pw", null, null);
		try (TcpProxy proxy = TcpProxy.start("127.0.0.1", broker.port())) {
			String url = "tcp://127.0.0.1:" + proxy.port();
			TestClient screen = this.clients.connect(url, "screen-1", "pw");

			proxy.cut();

			await().atMost(Duration.ofSeconds(5)).until(() -> !screen.isConnected());
			assertThatExceptionOfType(MqttException.class)
				.isThrownBy(() -> this.clients.connect(url, "screen-1", "pw"));
			proxy.restore();
			assertThat(this.clients.connect(url, "screen-1", "pw").isConnected()).isTrue();
		}
	}

}
