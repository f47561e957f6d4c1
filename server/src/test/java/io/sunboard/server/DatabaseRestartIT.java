package io.sunboard.server;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
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
import io.sunboard.testsupport.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The database restarts while ten screens record events: batches that arrive while it is
 * away are not acknowledged, so the screens keep them and send them again, and in the end
 * the server holds every event exactly once. Runs on its own PostgreSQL (H2 lives inside
 * the server, so for it a database restart is the server restart of
 * {@link FiftyDevicesFaultIT}).
 */
@ExtendWith(MosquittoExtension.class)
@Timeout(240)
class DatabaseRestartIT {

	private static final int DEVICES = 10;

	private static final int EVENTS_EACH = 30;

	private final MosquittoBroker broker;

	DatabaseRestartIT(MosquittoBroker broker) {
		this.broker = broker;
	}

	@Test
	void everyEventIsStoredExactlyOnceAcrossADatabaseRestart(@TempDir Path dir) throws Exception {
		this.broker.addServerAccount("sunboard/v1", "sunboard-server", "server-secret-1");
		List<SimulatedDevice> devices = new ArrayList<>();
		ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
		try (PostgresServer postgres = PostgresServer.startNew()) {
			String database = postgres.createDatabase("restart");
			RunningServer server = RunningServer
				.external(dir, this.broker.url(), "sunboard-server", "server-secret-1", this.broker.adminUsername(),
						this.broker.adminPassword())
				.with("spring.profiles.include", "postgres")
				.with("spring.datasource.url", postgres.jdbcUrl(database))
				.with("spring.datasource.username", PostgresServer.USER)
				.with("spring.datasource.password", "")
				.start();
			try {
				server.post("/api/v1/regions", Map.of("id", "fengze", "name", "丰泽区教育局"));
				server.post("/api/v1/schools", Map.of("id", "shiyan", "regionId", "fengze", "name", "丰泽区实验小学"));
				String posting = FaultFixture.seedPosting(server, "shiyan");
				for (int i = 0; i < DEVICES; i++) {
					String id = String.format("db-%02d", i);
					RunningServer.Response created = server.post("/api/v1/devices",
							Map.of("id", id, "schoolId", "shiyan", "name", "屏 " + id));
					assertThat(created.status()).as(created.body()).isEqualTo(201);
					SimulatedDevice device = new SimulatedDevice(this.broker.url(), Topics.defaults(), id,
							created.json().get("secret").asString());
					device.connect();
					devices.add(device);
				}
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
				}, 0, 300, TimeUnit.MILLISECONDS);

				await().atMost(Duration.ofSeconds(30)).until(() -> ticks.get() >= EVENTS_EACH / 3);
				postgres.restart();
				assertThat(ticks.get()).as("screens kept recording while the database was away")
					.isLessThan(EVENTS_EACH);

				await().atMost(Duration.ofSeconds(120))
					.pollInterval(Duration.ofMillis(500))
					.untilAsserted(() -> assertThat(ticks.get() > EVENTS_EACH ? unacknowledged(devices) : -1).isZero());
				JdbcClient jdbc = server.bean(JdbcClient.class);
				assertThat(jdbc.sql("select count(*) from device_event where device_id like 'db-%'")
					.query(Long.class)
					.single()).isEqualTo((long) DEVICES * EVENTS_EACH);
				for (int i = 0; i < DEVICES; i++) {
					assertThat(FaultFixture.storedCount(server, String.format("db-%02d", i))).isEqualTo(EVENTS_EACH);
				}
				assertThat(server.get("/actuator/health").status()).isEqualTo(200);
			}
			finally {
				ticker.shutdownNow();
				devices.forEach(SimulatedDevice::close);
				server.close();
			}
		}
	}

	private static int unacknowledged(List<SimulatedDevice> devices) {
		return devices.stream().mapToInt(SimulatedDevice::unacknowledged).sum();
	}

}
