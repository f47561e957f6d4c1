package io.sunboard.server;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Properties;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.sunboard.kiosk.KioskClient;
import io.sunboard.kiosk.KioskConfig;
import io.sunboard.testsupport.MosquittoBroker;
import io.sunboard.testsupport.TestCertificateAuthority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Mosquitto with a TLS listener whose certificate a test CA signed: the server (its event
 * connection and its dynamic-security administration) and a kiosk reach it over TLS
 * trusting only that CA, and events flow end to end; a client that trusts another CA is
 * refused during the handshake, valid password or not.
 */
@Timeout(180)
class BrokerTlsIT {

	@Test
	void serverAndKioskConnectOverTlsTrustingTheTestCaAndAStrangerCaIsRefused(@TempDir Path dir) throws Exception {
		try (TestCertificateAuthority ca = TestCertificateAuthority.create("sunboard");
				TestCertificateAuthority stranger = TestCertificateAuthority.create("stranger");
				MosquittoBroker broker = MosquittoBroker.startNew(ca)) {
			broker.addServerAccount("sunboard/v1", "sunboard-server", "server-secret-1");
			try (RunningServer server = RunningServer
				.external(dir.resolve("server"), broker.tlsUrl(), "sunboard-server", "server-secret-1",
						broker.adminUsername(), broker.adminPassword())
				.with("sunboard.broker.external.ca-file", ca.caFile())
				.start()) {
				// provisioning creates the device's broker account over TLS
				String secret = FaultFixture.seedScreen(server, "tls-lobby");
				FaultFixture.scheduleOneSecondPosting(server);

				Properties kiosk = FaultFixture.kioskProperties("tls-lobby", secret, broker.tlsUrl(), server.url(),
						dir.resolve("kiosk"));
				kiosk.setProperty("broker.ca-file", ca.caFile().toString());
				try (KioskClient client = KioskClient.start(KioskConfig.from(kiosk))) {
					await().atMost(Duration.ofSeconds(90))
						.until(() -> FaultFixture.storedCount(server, "tls-lobby") > 0);
				}

				// the right password does not help a client that trusts someone else's CA
				assertThatThrownBy(() -> connect(broker.tlsUrl(), stranger.caFile(), "tls-lobby", secret))
					.isInstanceOf(MqttException.class)
					.hasStackTraceContaining("SSLHandshakeException");
				// nor one speaking plain MQTT to the TLS port
				assertThatThrownBy(
						() -> connect(broker.tlsUrl().replace("ssl://", "tcp://"), null, "tls-lobby", secret))
					.isInstanceOf(MqttException.class);
				// the control: the same client trusting the right CA gets in
				connect(broker.tlsUrl(), ca.caFile(), "tls-lobby", secret);
			}
		}
	}

	private static void connect(String url, Path caFile, String user, String password) throws Exception {
		MqttClient client = new MqttClient(url, user, new MemoryPersistence());
		try {
			MqttConnectionOptions options = new MqttConnectionOptions();
			options.setUserName(user);
			options.setPassword(password.getBytes(StandardCharsets.UTF_8));
			options.setConnectionTimeout(10);
			if (caFile != null) {
				options.setSocketFactory(trusting(caFile));
			}
			client.connect(options);
			client.disconnect();
		}
		finally {
			client.close();
		}
	}

	private static SSLSocketFactory trusting(Path caFile) throws Exception {
		KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
		trust.load(null, null);
		try (InputStream in = Files.newInputStream(caFile)) {
			Certificate ca = CertificateFactory.getInstance("X.509").generateCertificate(in);
			trust.setCertificateEntry("ca", ca);
		}
		TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		factory.init(trust);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, factory.getTrustManagers(), null);
		return context.getSocketFactory();
	}

}
