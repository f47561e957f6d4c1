package io.sunboard.kiosk;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.sunboard.kiosk.ServerStandIn.Received;
import io.sunboard.protocol.DeviceChannel;
import io.sunboard.protocol.DeviceEvent;
import io.sunboard.protocol.DeviceStatus;
import io.sunboard.protocol.EventAck;
import io.sunboard.protocol.EventBatch;
import io.sunboard.protocol.EventType;
import io.sunboard.protocol.Heartbeat;
import io.sunboard.protocol.Manifest;
import io.sunboard.protocol.MalformedMessageException;
import io.sunboard.protocol.PostingContent;
import io.sunboard.protocol.TimeWindow;
import io.sunboard.protocol.Topics;
import io.sunboard.testsupport.MosquittoBroker;
import io.sunboard.testsupport.MosquittoExtension;

import static io.sunboard.kiosk.Fixtures.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A kiosk against a real Mosquitto with dynamic security and per-device ACLs. */
@ExtendWith(MosquittoExtension.class)
@Timeout(120)
class KioskClientMosquittoIT {

	private static final Topics topics = Topics.defaults();

	private static final Duration WAIT = Duration.ofSeconds(30);

	@TempDir
	Path dataDir;

	private final HttpClient http = HttpClient.newHttpClient();

	private final PostingContent fees = Fixtures.content("fees", "2026年秋季学期收费公示");

	private static TimeWindow today() {
		Instant now = Instant.now();
		return new TimeWindow(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)));
	}

	private ServerStandIn serverFor(MosquittoBroker broker, String deviceId) throws Exception {
		broker.addDevice(topics.root(), deviceId, "pw-" + deviceId, "school-1", null);
		broker.addServerAccount(topics.root(), "server-" + deviceId, "server-pw");
		ServerStandIn server = new ServerStandIn(deviceId, "pw-" + deviceId);
		server.connect(broker.url(), "server-" + deviceId, "server-pw", topics.events(deviceId),
				topics.status(deviceId), topics.heartbeat(deviceId));
		return server;
	}

	private KioskConfig config(MosquittoBroker broker, ServerStandIn server, String deviceId) {
		Properties properties = Fixtures.properties(this.dataDir);
		properties.setProperty("device.id", deviceId);
		properties.setProperty("device.secret", "pw-" + deviceId);
		properties.setProperty("broker.url", broker.url());
		properties.setProperty("server.url", server.url().toString());
		properties.setProperty("player.port", "0");
		properties.setProperty("heartbeat.seconds", "1");
		return KioskConfig.from(properties);
	}

	private String nowHtml(KioskClient client) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(client.playerUrl().resolve("/now")).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		return response.body();
	}

	private static List<DeviceEvent> events(ServerStandIn server, String deviceId) {
		return server.on(topics.events(deviceId))
			.stream()
			.map((message) -> decode(message.payload(), EventBatch.class))
			.flatMap((batch) -> batch.events().stream())
			.toList();
	}

	private static List<DeviceStatus> statuses(ServerStandIn server, String deviceId) {
		return server.on(topics.status(deviceId))
			.stream()
			.map(Received::payload)
			.map((payload) -> decode(payload, DeviceStatus.class))
			.toList();
	}

	private static <T> T decode(byte[] payload, Class<T> type) {
		try {
			return Fixtures.CODEC.decode(payload, type);
		}
		catch (MalformedMessageException ex) {
			throw new AssertionError(ex);
		}
	}

	@Test
	void appliesTheRetainedManifestReportsItAndDropsAcknowledgedEvents(MosquittoBroker broker) throws Exception {
		String device = "lobby-ack";
		try (ServerStandIn server = serverFor(broker, device)) {
			server.serve(this.fees);
			Manifest manifest = Fixtures.manifest(device, 1, item("fees", Fixtures.sha(this.fees), 600, 0, today()));
			server.publish(topics.manifest(device), manifest, DeviceChannel.MANIFEST);

			try (KioskClient client = KioskClient.start(config(broker, server, device), Clock.systemUTC())) {
				await().atMost(WAIT).until(client::isConnected);
				await().atMost(WAIT).until(() -> client.appliedManifestVersion() == 1);
				await().atMost(WAIT).untilAsserted(() -> assertThat(nowHtml(client)).contains("2026年秋季学期收费公示"));

				await().atMost(WAIT)
					.untilAsserted(() -> assertThat(events(server, device))
						.anySatisfy((event) -> assertThat(event.type()).isEqualTo(EventType.APPLIED)));
				DeviceEvent applied = events(server, device).get(0);
				assertThat(applied.manifestVersion()).isEqualTo(1);
				assertThat(client.journalDepth()).isEqualTo(1);
				assertThat(statuses(server, device)).anySatisfy((status) -> {
					assertThat(status.state()).isEqualTo(DeviceStatus.State.ONLINE);
					assertThat(status.deviceId()).isEqualTo(device);
				});
				await().atMost(WAIT)
					.untilAsserted(() -> assertThat(server.on(topics.heartbeat(device)))
						.anySatisfy((message) -> assertThat(decode(message.payload(), Heartbeat.class).nowPlaying())
							.isEqualTo("fees")));

				server.publish(topics.ack(device), new EventAck(List.of(applied.id())), DeviceChannel.ACK);

				await().atMost(WAIT).until(() -> client.journalDepth() == 0);
				assertThat(server.refusedTokens).isEmpty();
			}
			await().atMost(WAIT)
				.untilAsserted(() -> assertThat(statuses(server, device)).last()
					.extracting(DeviceStatus::state)
					.isEqualTo(DeviceStatus.State.OFFLINE));
		}
	}

	@Test
	void firstConnectIsRetriedUntilTheBrokerComesUp(MosquittoBroker broker) throws Exception {
		String device = "lobby-late";
		try (ServerStandIn server = serverFor(broker, device)) {
			KioskConfig config = config(broker, server, device);
			broker.stop();
			try (KioskClient client = KioskClient.start(config, Clock.systemUTC())) {
				await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> !client.isConnected());
				broker.start();

				await().atMost(WAIT).until(client::isConnected);
			}
			finally {
				broker.start();
			}
		}
	}

	@Test
	void eventsRecordedWhileTheBrokerIsDownAreSentAfterItReturns(MosquittoBroker broker) throws Exception {
		String device = "lobby-replay";
		try (ServerStandIn server = serverFor(broker, device)) {
			server.serve(this.fees);
			server.publish(topics.manifest(device),
					Fixtures.manifest(device, 1, item("fees", Fixtures.sha(this.fees), 1, 0, today())),
					DeviceChannel.MANIFEST);
			try (KioskClient client = KioskClient.start(config(broker, server, device), Clock.systemUTC())) {
				await().atMost(WAIT).until(() -> client.appliedManifestVersion() == 1);
				await().atMost(WAIT).until(() -> events(server, device).size() >= 2);

				broker.kill();
				await().atMost(WAIT).until(() -> !client.isConnected());
				int depthWhileDown = client.journalDepth();
				await().atMost(WAIT).until(() -> client.journalDepth() >= depthWhileDown + 3);
				List<String> idsBefore = events(server, device).stream().map(DeviceEvent::id).toList();

				broker.start();
				server.connect(broker.url(), "server-" + device, "server-pw", topics.events(device));
				await().atMost(WAIT).until(client::isConnected);

				await().atMost(WAIT)
					.untilAsserted(() -> assertThat(events(server, device))
						.filteredOn((event) -> event.type() == EventType.PLAYED && !idsBefore.contains(event.id()))
						.hasSizeGreaterThanOrEqualTo(3));
				List<DeviceEvent> all = events(server, device);
				server.publish(topics.ack(device),
						new EventAck(all.stream()
							.map(DeviceEvent::id)
							.filter(Objects::nonNull)
							.distinct()
							.limit(EventBatch.MAX_EVENTS)
							.toList()),
						DeviceChannel.ACK);
				await().atMost(WAIT).until(() -> client.journalDepth() < all.size());
			}
		}
	}

}
