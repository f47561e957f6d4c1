package io.sunboard.server;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import io.sunboard.server.dispatch.ManifestDispatcher;
import io.sunboard.testsupport.MosquittoBroker;
import io.sunboard.testsupport.MosquittoExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A screen's credentials through their life against a real Mosquitto with dynamic
 * security: provisioning rotates the secret, revocation cuts the screen off at the
 * broker, and a screen that registers itself gets its credentials once an administrator
 * authorises it.
 */
@ExtendWith(MosquittoExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(180)
class DeviceLifecycleIT {

	private final MosquittoBroker broker;

	private RunningServer server;

	DeviceLifecycleIT(MosquittoBroker broker) {
		this.broker = broker;
	}

	@BeforeAll
	void start(@TempDir Path dir) {
		this.broker.addServerAccount("sunboard/v1", "sunboard-server", "server-secret-1");
		this.server = RunningServer.external(dir, this.broker, "sunboard-server", "server-secret-1")
			.with("sunboard.provisioning.broker-url", this.broker.url())
			.start();
		this.server.post("/api/v1/regions", Map.of("id", "r1", "name", "区"));
		this.server.post("/api/v1/schools", Map.of("id", "s1", "regionId", "r1", "name", "实验小学"));
	}

	@AfterAll
	void stop() {
		this.server.close();
	}

	@Test
	void provisioningRotatesTheSecretAndTheOldOneStopsWorking() throws Exception {
		String first = register("rotating-screen");
		MqttClient connected = connect("rotating-screen", first);
		assertThat(content("rotating-screen", first)).as("the token is good: no such document").isEqualTo(404);

		RunningServer.Response bundle = this.server.post("/api/v1/devices/rotating-screen/provision", "{}");
		assertThat(bundle.status()).isEqualTo(200);
		Properties config = new Properties();
		config.load(new StringReader(bundle.body()));
		assertThat(config.getProperty("device.id")).isEqualTo("rotating-screen");
		assertThat(config.getProperty("broker.url")).isEqualTo(this.broker.url());
		assertThat(config.getProperty("public.url-template")).as("the kiosk's QR codes point at the public page")
			.endsWith("/public/postings/{postingId}");
		String second = config.getProperty("device.secret");
		assertThat(second).isNotBlank().isNotEqualTo(first);
		assertThat(content("rotating-screen", first)).as("the server remembers no secret past its rotation")
			.isEqualTo(401);
		assertThat(content("rotating-screen", second)).isEqualTo(404);

		await().atMost(Duration.ofSeconds(10)).until(() -> !connected.isConnected());
		assertThatThrownBy(() -> connect("rotating-screen", first)).isInstanceOf(MqttException.class);
		connect("rotating-screen", second).disconnect();
	}

	@Test
	void revokedScreenIsCutOffAndItsNextConnectFails() throws Exception {
		String secret = register("stolen-screen");
		MqttClient connected = connect("stolen-screen", secret);
		assertThat(content("stolen-screen", secret)).as("the token is good: no such document").isEqualTo(404);

		assertThat(this.server.post("/api/v1/devices/stolen-screen/revoke", "{}").status()).isEqualTo(204);

		await().atMost(Duration.ofSeconds(10)).until(() -> !connected.isConnected());
		assertThatThrownBy(() -> connect("stolen-screen", secret)).isInstanceOf(MqttException.class);
		assertThat(content("stolen-screen", secret)).as("refused at once, though it downloaded a moment ago")
			.isEqualTo(401);
		assertThat(this.server.post("/api/v1/devices/stolen-screen/provision", "{}").status())
			.as("a retired screen is not provisioned again")
			.isEqualTo(409);
	}

	@Test
	void aDispatchRemembersItsScreensForTheirDownloadsAndARevocationHereStillAppliesAtOnce() {
		String secret = register("fanout-screen");
		JdbcTemplate jdbc = this.server.bean(JdbcTemplate.class);
		// a manifest is due: the dispatch below sends one and reads the screen's row
		jdbc.update("delete from device_manifest where device_id = ?", "fanout-screen");
		assertThat(this.server.bean(ManifestDispatcher.class).dispatchSchool("s1")).isPositive();

		// what another instance's rotation would do, unseen by this one
		jdbc.update("update device set secret_sha256 = ? where id = ?", "0".repeat(64), "fanout-screen");
		assertThat(content("fanout-screen", secret))
			.as("the download after the fan-out uses the row the dispatch read (for RecentCredentials.TTL at most)")
			.isEqualTo(404);

		assertThat(this.server.post("/api/v1/devices/fanout-screen/revoke", "{}").status()).isEqualTo(204);
		assertThat(content("fanout-screen", secret)).as("a revocation on this instance applies at once").isEqualTo(401);
	}

	@Test
	void screenThatRegistersItselfWaitsForAnAdministratorAndCollectsItsCredentialsOnce() throws Exception {
		RunningServer.Response requested = this.server.send("POST", "/device-api/v1/registrations",
				Map.of("schoolId", "s1", "name", "二楼走廊屏", "profile", "portrait"), null, null);
		assertThat(requested.status()).isEqualTo(201);
		String id = requested.json().get("registrationId").asString();
		String token = requested.json().get("pollToken").asString();

		assertThat(poll(id, token).json().get("status").asString()).isEqualTo("PENDING");
		assertThat(poll(id, "not-the-token").status()).isEqualTo(401);
		assertThat(this.server.get("/api/v1/registrations").body()).contains(id).contains("二楼走廊屏");

		RunningServer.Response authorized = this.server.post("/api/v1/registrations/" + id + "/authorize",
				Map.of("deviceId", "corridor-2f"));
		assertThat(authorized.status()).as(authorized.body()).isEqualTo(200);

		RunningServer.Response collected = poll(id, token);
		assertThat(collected.json().get("status").asString()).isEqualTo("AUTHORIZED");
		String secret = collected.json().get("secret").asString();
		assertThat(secret).isNotBlank();
		assertThat(poll(id, token).json().get("secret").isNull()).as("handed out once").isTrue();
		connect("corridor-2f", secret).disconnect();
	}

	/** The status of a content download with the screen's token. */
	private int content(String deviceId, String secret) {
		return this.server
			.sendWithHeader("GET", "/device-api/v1/content/" + "a".repeat(64), "Authorization",
					"Bearer " + deviceId + ":" + secret)
			.status();
	}

	private RunningServer.Response poll(String id, String token) {
		return this.server.sendWithHeader("GET", "/device-api/v1/registrations/" + id, "Authorization",
				"Bearer " + token);
	}

	private String register(String deviceId) {
		RunningServer.Response device = this.server.post("/api/v1/devices",
				Map.of("id", deviceId, "schoolId", "s1", "name", "屏"));
		assertThat(device.status()).isEqualTo(201);
		return device.json().get("secret").asString();
	}

	private MqttClient connect(String deviceId, String secret) throws MqttException {
		MqttClient client = new MqttClient(this.broker.url(), deviceId, new MemoryPersistence());
		MqttConnectionOptions options = new MqttConnectionOptions();
		options.setUserName(deviceId);
		options.setPassword(secret.getBytes(StandardCharsets.UTF_8));
		options.setConnectionTimeout(10);
		try {
			client.connect(options);
		}
		catch (MqttException ex) {
			client.close(true);
			throw ex;
		}
		return client;
	}

}
