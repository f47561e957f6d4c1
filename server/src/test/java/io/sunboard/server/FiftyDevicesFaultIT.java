package io.sunboard.server;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.sunboard.protocol.Topics;
import io.sunboard.testsupport.MosquittoBroker;
import io.sunboard.testsupport.MosquittoExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Fifty screens record events steadily while the broker restarts and then the server
 * restarts on the same database; in the end the server holds every recorded event exactly
 * once and every screen's journal is empty.
 */
@ExtendWith(MosquittoExtension.class)
@Timeout(240)
class FiftyDevicesFaultIT {

	private static final int DEVICES = 50;

	private static final int EVENTS_EACH = 30;

	private final MosquittoBroker broker;

	FiftyDevicesFaultIT(MosquittoBroker broker) {
		this.broker = broker;
	}

	@Test
	void everyEventOfFiftyScreensIsStoredExactlyOnceAcrossABrokerAndAServerRestart(@TempDir Path dir) throws Exception {
		this.broker.addServerAccount("sunboard/v1", "sunboard-server", "server-secret-1");
		RunningServer server = RunningServer
			.external(dir, this.broker.url(), "sunboard-server", "server-secret-1", this.broker.adminUsername(),
					this.broker.adminPassword())
			.start();
		List<SimulatedDevice> devices = new ArrayList<>();
		ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
		try {
			server.post("/api/v1/regions", Map.of("id", "fengze", "name", "丰泽区教育局"));
			server.post("/api/v1/schools", Map.of("id", "shiyan", "regionId", "fengze", "name", "丰泽区实验小学"));
			String posting = FaultFixture.seedPosting(server, "shiyan");
			// provisioned a few at a time: each creates a broker account over its own
			// connection to Mosquitto's dynamic-security topic
			ExecutorService provisioning = Executors.newFixedThreadPool(5);
			List<Future<SimulatedDevice>> provisioned = new ArrayList<>();
			for (int i = 0; i < DEVICES; i++) {
				String id = String.format("fleet-%02d", i);
				provisioned.add(provisioning.submit(() -> {
					RunningServer.Response created = server.post("/api/v1/devices",
							Map.of("id", id, "schoolId", "shiyan", "name", "屏 " + id));
					assertThat(created.status()).as(created.body()).isEqualTo(201);
					SimulatedDevice device = new SimulatedDevice(this.broker.url(), Topics.defaults(), id,
							created.json().get("secret").asString());
					device.connect();
					return device;
				}));
			}
			for (Future<SimulatedDevice> device : provisioned) {
				devices.add(device.get(60, TimeUnit.SECONDS));
			}
			provisioning.shutdown();

			// each tick every screen records one event (until its quota) and sends
			AtomicInteger ticks = new AtomicInteger();
			ticker.scheduleWithFixedDelay(() -> {
				try {
					boolean record = ticks.incrementAndGet() <= EVENTS_EACH;
					Instant now = Instant.now();
					for (SimulatedDevice device : devices) {
						if (record) {
							device.record(posting);
						}
						device.send(now);
					}
				}
				catch (RuntimeException ex) {
					// a scheduled task that throws is never run again; keep ticking
					ex.printStackTrace();
				}
			}, 0, 400, TimeUnit.MILLISECONDS);

			await().atMost(Duration.ofSeconds(30)).until(() -> ticks.get() >= EVENTS_EACH / 4);
			this.broker.stop();
			await().atMost(Duration.ofSeconds(30)).until(() -> ticks.get() >= EVENTS_EACH / 4 + 5);
			this.broker.start();

			await().atMost(Duration.ofSeconds(60)).until(() -> ticks.get() >= EVENTS_EACH / 2);
			server.stop();
			await().atMost(Duration.ofSeconds(30)).until(() -> ticks.get() >= EVENTS_EACH / 2 + 5);
			server.start();

			await().atMost(Duration.ofSeconds(90))
				.pollInterval(Duration.ofMillis(500))
				.untilAsserted(() -> assertThat(ticks.get() > EVENTS_EACH ? summary(devices) : "still recording")
					.isEqualTo(DEVICES + " connected, 0 unacknowledged"));
			assertThat(devices).allMatch((d) -> d.recorded() == EVENTS_EACH);
			JdbcClient jdbc = server.bean(JdbcClient.class);
			assertThat(jdbc.sql("select count(*) from device_event where device_id like 'fleet-%'")
				.query(Long.class)
				.single()).isEqualTo((long) DEVICES * EVENTS_EACH);
			assertThat(jdbc
				.sql("select count(distinct device_id || '/' || event_id) from device_event"
						+ " where device_id like 'fleet-%'")
				.query(Long.class)
				.single()).isEqualTo((long) DEVICES * EVENTS_EACH);
			for (int i = 0; i < DEVICES; i++) {
				assertThat(FaultFixture.storedCount(server, String.format("fleet-%02d", i))).isEqualTo(EVENTS_EACH);
			}
		}
		finally {
			ticker.shutdownNow();
			devices.forEach(SimulatedDevice::close);
			server.close();
		}
	}

	private static String summary(List<SimulatedDevice> devices) {
		return devices.stream().filter(SimulatedDevice::isConnected).count() + " connected, "
				+ devices.stream().mapToInt(SimulatedDevice::unacknowledged).sum() + " unacknowledged"
				+ devices.stream()
					.filter((d) -> !d.isConnected())
					.map(SimulatedDevice::lastError)
					.distinct()
					.limit(3)
					.map((e) -> "; " + e)
					.reduce("", String::concat);
	}

}
