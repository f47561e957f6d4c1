package io.sunboard.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

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
		FaultFixture.Ticker ticker = new FaultFixture.Ticker();
		try (PostgresServer postgres = PostgresServer.startNew()) {
			String database = postgres.createDatabase("restart");
			RunningServer server = RunningServer.external(dir, this.broker, "sunboard-server", "server-secret-1")
				.with("spring.profiles.include", "postgres")
				.with("spring.datasource.url", postgres.jdbcUrl(database))
				.with("spring.datasource.username", PostgresServer.USER)
				.with("spring.datasource.password", "")
				.start();
			try {
				FaultFixture.seedSchool(server);
				String posting = FaultFixture.seedPosting(server, "shiyan");
				for (int i = 0; i < DEVICES; i++) {
					devices.add(FaultFixture.connectDevice(server, this.broker.url(), String.format("db-%02d", i)));
				}
				ticker.start(devices, posting, EVENTS_EACH, Duration.ofMillis(300));

				await().atMost(Duration.ofSeconds(30)).until(() -> ticker.ticks() >= EVENTS_EACH / 3);
				postgres.restart();
				assertThat(ticker.ticks()).as("screens kept recording while the database was away")
					.isLessThan(EVENTS_EACH);

				await().atMost(Duration.ofSeconds(120))
					.pollInterval(Duration.ofMillis(500))
					.untilAsserted(
							() -> assertThat(ticker.ticks() > EVENTS_EACH ? unacknowledged(devices) : -1).isZero());
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
				ticker.close();
				devices.forEach(SimulatedDevice::close);
				server.close();
			}
		}
	}

	private static int unacknowledged(List<SimulatedDevice> devices) {
		return devices.stream().mapToInt(SimulatedDevice::unacknowledged).sum();
	}

}
