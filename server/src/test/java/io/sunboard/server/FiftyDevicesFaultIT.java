package io.sunboard.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

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
		RunningServer server = RunningServer.external(dir, this.broker, "sunboard-server", "server-secret-1").start();
		List<SimulatedDevice> devices = new ArrayList<>();
		FaultFixture.Ticker ticker = new FaultFixture.Ticker();
		try {
			FaultFixture.seedSchool(server);
			String posting = FaultFixture.seedPosting(server, "shiyan");
			// provisioned a few at a time: each creates a broker account over its own
			// connection to Mosquitto's dynamic-security topic
			ExecutorService provisioning = Executors.newFixedThreadPool(5);
			List<Future<SimulatedDevice>> provisioned = new ArrayList<>();
			for (int i = 0; i < DEVICES; i++) {
				String id = String.format("fleet-%02d", i);
				provisioned.add(provisioning.submit(() -> FaultFixture.connectDevice(server, this.broker.url(), id)));
			}
			for (Future<SimulatedDevice> device : provisioned) {
				devices.add(device.get(60, TimeUnit.SECONDS));
			}
			provisioning.shutdown();

			// each tick every screen records one event (until its quota) and sends
			ticker.start(devices, posting, EVENTS_EACH, Duration.ofMillis(400));

			await().atMost(Duration.ofSeconds(30)).until(() -> ticker.ticks() >= EVENTS_EACH / 4);
			this.broker.stop();
			await().atMost(Duration.ofSeconds(30)).until(() -> ticker.ticks() >= EVENTS_EACH / 4 + 5);
			this.broker.start();

			await().atMost(Duration.ofSeconds(60)).until(() -> ticker.ticks() >= EVENTS_EACH / 2);
			server.stop();
			await().atMost(Duration.ofSeconds(30)).until(() -> ticker.ticks() >= EVENTS_EACH / 2 + 5);
			server.start();

			await().atMost(Duration.ofSeconds(90))
				.pollInterval(Duration.ofMillis(500))
				.untilAsserted(() -> assertThat(ticker.ticks() > EVENTS_EACH ? summary(devices) : "still recording")
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
			ticker.close();
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
