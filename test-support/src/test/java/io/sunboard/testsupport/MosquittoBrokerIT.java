package io.sunboard.testsupport;

import java.time.Duration;

import io.sunboard.protocol.DeviceChannel;
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
class MosquittoBrokerIT {

	private static final Topics TOPICS = Topics.defaults();

	private static final Duration DELIVERY = Duration.ofSeconds(5);

	private final MosquittoBroker broker;

	// Every test adds its own accounts to the class's one broker, so ids carry a tag.
	private final String tag = Long.toString(System.nanoTime());

	private final Clients clients = new Clients();

	MosquittoBrokerIT(MosquittoBroker broker) {
		this.broker = broker;
	}

	@AfterEach
	void disconnect() {
		this.clients.closeAll();
	}

	@Test
	void extensionGivesTheClassOneRunningBroker(MosquittoBroker injected) {
		assertThat(injected).isSameAs(this.broker);
		assertThat(injected.isRunning()).isTrue();
		assertThat(injected.url()).isEqualTo("tcp://127.0.0.1:" + injected.port());
	}

	@Test
	void devicePublishesItsEventsAndReadsItsManifest() throws MqttException {
		String device = device("screen");
		TestClient server = server();
		server.subscribe(TOPICS.events(device));
		server.publish(TOPICS.manifest(device), "manifest-1", true);
		TestClient screen = this.clients.connect(this.broker.url(), device, "pw");

		int subscribed = screen.subscribe(TOPICS.manifest(device));
		int published = screen.publish(TOPICS.events(device), "event-1", false);

		assertThat(subscribed).isLessThan(TestClient.FIRST_FAILURE);
		assertThat(published).isLessThan(TestClient.FIRST_FAILURE);
		await().atMost(DELIVERY)
			.untilAsserted(
					() -> assertThat(screen.received()).containsExactly(TOPICS.manifest(device) + " manifest-1"));
		await().atMost(DELIVERY)
			.untilAsserted(() -> assertThat(server.received()).containsExactly(TOPICS.events(device) + " event-1"));
	}

	@Test
	void deviceIsRefusedAnotherDevicesManifestAndWildcards() throws MqttException {
		String device = device("screen");
		String other = device("other");
		TestClient screen = this.clients.connect(this.broker.url(), device, "pw");

		int foreign = screen.subscribe(TOPICS.manifest(other));
		int wildcard = screen.subscribe(TOPICS.allDevices(DeviceChannel.EVENTS));

		assertThat(foreign).isEqualTo(TestClient.NOT_AUTHORIZED);
		assertThat(wildcard).isEqualTo(TestClient.NOT_AUTHORIZED);
		assertThat(screen.isConnected()).isTrue();
	}

	@Test
	void devicesPublishOnAnotherDevicesTopicNeverArrives() throws MqttException {
		String device = device("screen");
		String other = device("other");
		TestClient server = server();
		server.subscribe(TOPICS.allDevices(DeviceChannel.EVENTS));
		TestClient screen = this.clients.connect(this.broker.url(), device, "pw");

		int forged = screen.publish(TOPICS.events(other), "forged", false);
		screen.publish(TOPICS.events(device), "genuine", false);

		assertThat(forged).isEqualTo(TestClient.NOT_AUTHORIZED);
		// Mosquitto keeps one client's messages in order, so once the genuine event is
		// in, the forged one would have been too.
		await().atMost(DELIVERY).until(() -> !server.received().isEmpty());
		assertThat(server.received()).containsExactly(TOPICS.events(device) + " genuine");
	}

	@Test
	void anonymousClientAndWrongPasswordAreRefused() {
		String device = device("screen");

		assertThatExceptionOfType(MqttException.class)
			.isThrownBy(() -> this.clients.connect(this.broker.url(), null, null))
			.satisfies((ex) -> assertThat(ex.getReasonCode()).isEqualTo(TestClient.NOT_AUTHORIZED));
		assertThatExceptionOfType(MqttException.class)
			.isThrownBy(() -> this.clients.connect(this.broker.url(), device, "wrong"))
			.satisfies((ex) -> assertThat(ex.getReasonCode()).isEqualTo(TestClient.NOT_AUTHORIZED));
	}

	@Test
	void serverAccountReceivesEventsThroughSharedSubscription() throws MqttException {
		String device = device("screen");
		TestClient server = server();
		int subscribed = server.subscribe(TOPICS.sharedSubscription(DeviceChannel.EVENTS));
		TestClient screen = this.clients.connect(this.broker.url(), device, "pw");

		screen.publish(TOPICS.events(device), "event-1", false);

		assertThat(subscribed).isLessThan(TestClient.FIRST_FAILURE);
		await().atMost(DELIVERY)
			.untilAsserted(() -> assertThat(server.received()).containsExactly(TOPICS.events(device) + " event-1"));
	}

	@Test
	void mosquittoChecksSharedSubscriptionWithItsPrefix() throws MqttException {
		// Mosquitto 2.0.11 matches "$share/<group>/<filter>" against the ACLs as a whole,
		// so a grant on the tree alone does not cover a shared subscription to it. If an
		// upgrade changes that, addServerAccount's extra "$share/+/..." grant can go.
		String username = "tree-" + this.tag;
		DynamicSecurity dynsec = new DynamicSecurity(this.broker.port(), this.broker.adminUsername(),
				this.broker.adminPassword());
		dynsec.createRole(username);
		dynsec.allow(username, DynamicSecurity.AclType.SUBSCRIBE_PATTERN, TOPICS.root() + "/#");
		dynsec.createClient(username, "pw");
		dynsec.addClientRole(username, username);
		TestClient client = this.clients.connect(this.broker.url(), username, "pw");

		assertThat(client.subscribe(TOPICS.allDevices(DeviceChannel.EVENTS))).isLessThan(TestClient.FIRST_FAILURE);
		assertThat(client.subscribe(TOPICS.sharedSubscription(DeviceChannel.EVENTS)))
			.isEqualTo(TestClient.NOT_AUTHORIZED);
	}

	@Test
	void deviceReadsItsOwnSchoolAndRegionAlertsOnly() throws MqttException {
		String device = "screen-" + this.tag;
		this.broker.addDevice(TOPICS.root(), device, "pw", "school-1", "region-1");
		TestClient screen = this.clients.connect(this.broker.url(), device, "pw");

		assertThat(screen.subscribe(TOPICS.schoolAlert("school-1"))).isLessThan(TestClient.FIRST_FAILURE);
		assertThat(screen.subscribe(TOPICS.regionAlert("region-1"))).isLessThan(TestClient.FIRST_FAILURE);
		assertThat(screen.subscribe(TOPICS.schoolAlert("school-2"))).isEqualTo(TestClient.NOT_AUTHORIZED);
	}

	@Test
	void mosquittoCtrlFailuresSurfaceAsExceptions() {
		String device = device("screen");

		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> this.broker.addDevice(TOPICS.root(), device, "pw", null, null))
			.withMessageContaining("Role already exists");
	}

	private String device(String name) {
		String device = name + "-" + this.tag;
		this.broker.addDevice(TOPICS.root(), device, "pw", null, null);
		return device;
	}

	private TestClient server() throws MqttException {
		String username = "server-" + this.tag;
		this.broker.addServerAccount(TOPICS.root(), username, "pw");
		return this.clients.connect(this.broker.url(), username, "pw");
	}

}
