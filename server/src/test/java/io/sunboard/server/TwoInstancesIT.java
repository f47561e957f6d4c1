package io.sunboard.server;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.sunboard.protocol.JsonCodec;
import io.sunboard.protocol.Manifest;
import io.sunboard.protocol.Topics;
import io.sunboard.server.device.DeviceCredentials;
import io.sunboard.server.device.DeviceRegistry;
import io.sunboard.testsupport.MosquittoBroker;
import io.sunboard.testsupport.MosquittoExtension;
import io.sunboard.testsupport.PostgresServer;
import io.sunboard.testsupport.sim.ScreenFleet;
import io.sunboard.testsupport.sim.ScreenIdentity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two server instances on one Mosquitto and one PostgreSQL: they split the devices'
 * events through the shared subscription, one is killed (SIGKILL) in the middle of the
 * stream, and still every event is stored exactly once and every manifest change is
 * published exactly once, although both instances roll every school forward every 5 s and
 * both dispatch changes made through them.
 */
@ExtendWith(MosquittoExtension.class)
@Timeout(900)
class TwoInstancesIT {

	private static final String SERVER_USER = "sunboard-server";

	private static final String SERVER_PASSWORD = "server-secret-for-tests";

	private static final String OBSERVER = "manifest-observer";

	private static final String OBSERVER_PASSWORD = "observer-secret-for-tests";

	private static final int SCREENS = 100;

	private static final Duration WAIT = Duration.ofSeconds(180);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final MosquittoBroker broker;

	TwoInstancesIT(MosquittoBroker broker) {
		this.broker = broker;
	}

	@Test
	void twoInstancesSplitIngestAndSurviveOneKilledWithEveryEventStoredOnceAndEveryChangeDispatchedOnce(
			@TempDir Path dir) throws Exception {
		this.broker.addServerAccount(Topics.DEFAULT_ROOT, SERVER_USER, SERVER_PASSWORD);
		this.broker.addServerAccount(Topics.DEFAULT_ROOT, OBSERVER, OBSERVER_PASSWORD);
		String database = PostgresServer.shared().createDatabase("two_instances");
		try (RunningServer a = RunningServer.external(dir.resolve("a"), this.broker, SERVER_USER, SERVER_PASSWORD)
			.onPostgres(database)
			.start(); ManifestLog manifests = ManifestLog.subscribe(this.broker.url())) {
			List<ScreenIdentity> screens = seed(a);
			try (ServerProcess b = ServerProcess.start(dir.resolve("b"), instanceB(database));
					ScreenFleet fleet = ScreenFleet.connect(new ScreenFleet.Settings("127.0.0.1", this.broker.port(),
							a.url(), Topics.DEFAULT_ROOT, 8, Duration.ofSeconds(5)), screens, 50, WAIT)) {
				String first = schedule(a, "开学典礼通知");
				fleet.await(ScreenFleet.postingApplied(first), 0, WAIT);
				assertThat(fleet.screens()).allMatch((s) -> s.postingAppliedAt(first) != null);

				fleet.startHeartbeats(Duration.ofSeconds(5));
				fleet.startPlayed(400, 10);
				// both instances take a share of the stream before one dies
				await().atMost(WAIT)
					.ignoreExceptions()
					.until(() -> storedBy(b) > 200 && fleet.stats().eventsAcked() > 1000);
				String second = scheduleThrough(b, "收费公示");
				fleet.await(ScreenFleet.postingApplied(second), 0, WAIT);
				assertThat(fleet.screens()).allMatch((s) -> s.postingAppliedAt(second) != null);

				// frozen first, so the broker's share for it piles up unacknowledged (a
				// kill alone meets a batch in flight only by chance), then killed
				b.freeze();
				long ackedBeforeFreeze = fleet.stats().eventsAcked();
				await().atMost(WAIT).until(() -> fleet.stats().eventsAcked() > ackedBeforeFreeze + 200);
				b.kill();
				String third = schedule(a, "寒假放假通知");
				fleet.await(ScreenFleet.postingApplied(third), 0, WAIT);
				assertThat(fleet.screens()).allMatch((s) -> s.postingAppliedAt(third) != null);
				long ackedAfterKill = fleet.stats().eventsAcked();
				await().atMost(WAIT).until(() -> fleet.stats().eventsAcked() > ackedAfterKill + 1000);
				fleet.stopPlayed();

				// what was in flight to the killed instance is resent and stored by the
				// other
				await().atMost(WAIT).until(() -> fleet.pendingBatches() == 0);
				JdbcClient jdbc = a.bean(JdbcClient.class);
				long stored = jdbc.sql("select count(*) from device_event where type = 'PLAYED'")
					.query(Long.class)
					.single();
				long distinct = jdbc
					.sql("select count(*) from (select distinct device_id, event_id from device_event"
							+ " where type = 'PLAYED') d")
					.query(Long.class)
					.single();
				assertThat(stored).isEqualTo(fleet.stats().playedSent()).isEqualTo(distinct);
				assertThat(fleet.stats().resentBatches()).as("batches the killed instance took and never acked")
					.isPositive();

				// every change went out once: per screen, versions 1, 2, 3 ... each built
				// once (one generatedAt), each with a new content hash. An instance that
				// connects to the broker republishes the stored manifests byte for byte
				// (the broker may have lost retained messages); that is not a new
				// dispatch.
				for (ScreenIdentity screen : screens) {
					List<Manifest> built = manifests.of(screen.deviceId())
						.stream()
						.filter(distinctBy((m) -> m.version() + "@" + m.generatedAt()))
						.toList();
					List<Long> versions = built.stream().map(Manifest::version).toList();
					assertThat(versions).as(screen.deviceId()).doesNotHaveDuplicates().isSorted();
					assertThat(versions.get(0)).isEqualTo(1);
					assertThat(versions.get(versions.size() - 1)).isEqualTo(versions.size());
					assertThat(built.stream().map(Manifest::contentHash)).doesNotHaveDuplicates();
					assertThat(built.get(built.size() - 1).items()).extracting("postingId")
						.containsExactlyInAnyOrder(first, second, third);
				}
			}
		}
	}

	private static <T> java.util.function.Predicate<T> distinctBy(java.util.function.Function<T, String> key) {
		Set<String> seen = ConcurrentHashMap.newKeySet();
		return (t) -> seen.add(key.apply(t));
	}

	/** One region, one school of 100 screens; returns their credentials. */
	private static List<ScreenIdentity> seed(RunningServer a) {
		assertThat(a.post("/api/v1/regions", Map.of("id", "licheng", "name", "鲤城区教育局")).status()).isEqualTo(201);
		assertThat(a.post("/api/v1/schools", Map.of("id", "lc-no1", "regionId", "licheng", "name", "鲤城区第一中学")).status())
			.isEqualTo(201);
		DeviceRegistry registry = a.bean(DeviceRegistry.class);
		List<ScreenIdentity> screens = new ArrayList<>();
		for (int i = 0; i < SCREENS; i++) {
			DeviceCredentials credentials = registry.register("lc-screen-" + i, "lc-no1", "屏 " + i, "landscape");
			screens.add(new ScreenIdentity(credentials.deviceId(), credentials.secret(), "lc-no1", "licheng"));
		}
		return screens;
	}

	private Map<String, Object> instanceB(String database) {
		PostgresServer postgres = PostgresServer.shared();
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("sunboard.broker.mode", "external");
		p.put("sunboard.broker.external.url", this.broker.url());
		p.put("sunboard.broker.external.username", SERVER_USER);
		p.put("sunboard.broker.external.password", SERVER_PASSWORD);
		p.put("sunboard.broker.external.dynsec-username", this.broker.adminUsername());
		p.put("sunboard.broker.external.dynsec-password", this.broker.adminPassword());
		p.put("spring.profiles.include", "postgres");
		p.put("spring.datasource.url", postgres.jdbcUrl(database));
		p.put("spring.datasource.username", PostgresServer.USER);
		p.put("spring.datasource.password", "");
		p.put("sunboard.roll-forward", "PT5S");
		return p;
	}

	private static String schedule(RunningServer server, String title) {
		String id = server.createApprovedPosting(posting(title));
		assertThat(server.post("/api/v1/postings/" + id + "/schedule", entry()).status()).isEqualTo(201);
		return id;
	}

	/** A posting created on A, scheduled through B, so B's dispatcher publishes it. */
	private static String scheduleThrough(ServerProcess b, String title) throws Exception {
		String id = null;
		RunningServer.Response created;
		// B is a separate process: reach its API with the same administrator
		java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
		String basic = java.util.Base64.getEncoder()
			.encodeToString(("admin:" + RunningServer.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
		created = post(http, basic, b.url() + "/api/v1/postings", posting(title));
		assertThat(created.status()).isEqualTo(201);
		id = created.json().get("id").asString();
		assertThat(post(http, basic, b.url() + "/api/v1/postings/" + id + "/submit", Map.of()).status()).isEqualTo(200);
		assertThat(post(http, basic, b.url() + "/api/v1/postings/" + id + "/review",
				Map.of("decision", "APPROVE", "basis", "保密审查制度", "conclusion", "同意公开", "attribute", "PROACTIVE"))
			.status()).isEqualTo(200);
		assertThat(post(http, basic, b.url() + "/api/v1/postings/" + id + "/schedule", entry()).status())
			.isEqualTo(201);
		return id;
	}

	private static RunningServer.Response post(java.net.http.HttpClient http, String basic, String url, Object body)
			throws Exception {
		var response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/json")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
			.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		return new RunningServer.Response(response.statusCode(), response.body());
	}

	private static Map<String, Object> posting(String title) {
		Instant now = Instant.now();
		return Map.of("schoolId", "lc-no1", "title", title, "body", title + "：详见学校公告栏。", "publicityStart",
				now.minusSeconds(60).toString(), "publicityEnd", now.plus(Duration.ofDays(10)).toString());
	}

	private static Map<String, Object> entry() {
		Instant now = Instant.now();
		return Map.of("startsAt", now.minusSeconds(60).toString(), "endsAt", now.plus(Duration.ofDays(10)).toString(),
				"durationSeconds", 10);
	}

	/** Events instance B stored, from its own metrics. */
	private static double storedBy(ServerProcess b) {
		var response = b.get("/actuator/metrics/sunboard.ingest.events?tag=result:stored");
		if (response.statusCode() != 200) {
			return 0;
		}
		JsonNode measurements = JSON.readTree(response.body()).get("measurements");
		return measurements.get(0).get("value").asDouble();
	}

	/**
	 * Every manifest published live (not a retained copy), per device, in arrival order.
	 */
	static final class ManifestLog implements AutoCloseable {

		private final MqttClient client;

		private final JsonCodec codec = new JsonCodec();

		private final Map<String, List<Manifest>> byDevice = new ConcurrentHashMap<>();

		private final Set<String> undecodable = new HashSet<>();

		private ManifestLog(MqttClient client) {
			this.client = client;
		}

		static ManifestLog subscribe(String url) throws Exception {
			MqttClient client = new MqttClient(url, "manifest-log-" + System.nanoTime(), new MemoryPersistence());
			MqttConnectionOptions options = new MqttConnectionOptions();
			options.setUserName(OBSERVER);
			options.setPassword(OBSERVER_PASSWORD.getBytes(StandardCharsets.UTF_8));
			options.setCleanStart(true);
			client.connect(options);
			ManifestLog log = new ManifestLog(client);
			client.subscribe(new MqttSubscription[] { new MqttSubscription(Topics.DEFAULT_ROOT + "/d/+/manifest", 1) },
					new IMqttMessageListener[] { (topic, message) -> {
						if (message.isRetained()) {
							return;
						}
						try {
							Manifest m = log.codec.decode(message.getPayload(), Manifest.class);
							log.byDevice.computeIfAbsent(m.deviceId(), (d) -> new CopyOnWriteArrayList<>()).add(m);
						}
						catch (RuntimeException | io.sunboard.protocol.MalformedMessageException ex) {
							log.undecodable.add(topic);
						}
					} });
			return log;
		}

		List<Manifest> of(String deviceId) {
			return this.byDevice.getOrDefault(deviceId, List.of());
		}

		@Override
		public void close() throws Exception {
			this.client.disconnect();
			this.client.close();
		}

	}

}
