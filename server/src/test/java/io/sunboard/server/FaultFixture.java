package io.sunboard.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.eclipse.paho.mqttv5.common.MqttException;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.sunboard.kiosk.KioskConfig;
import io.sunboard.protocol.DeviceEvent;
import io.sunboard.protocol.JsonCodec;
import io.sunboard.protocol.MalformedMessageException;
import io.sunboard.protocol.Topics;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the kiosk fault tests (and the end-to-end walkthroughs) share: a school with one
 * screen and a posting that plays every second, a journal backlog as a long offline
 * stretch leaves it, a fleet of simulated screens ticking along, and a watch over the
 * kiosk's journal directory that remembers every event id it ever saw there.
 */
final class FaultFixture {

	static final JsonCodec CODEC = new JsonCodec();

	private FaultFixture() {
	}

	/**
	 * Registers region {@code fengze} and its school {@code shiyan}, whose time zone is
	 * said outright: tests compare the times its pages show with Asia/Shanghai.
	 */
	static void seedSchool(RunningServer server) {
		assertThat(server.post("/api/v1/regions", Map.of("id", "fengze", "name", "丰泽区教育局")).status()).isEqualTo(201);
		assertThat(
				server
					.post("/api/v1/schools",
							Map.of("id", "shiyan", "regionId", "fengze", "name", "丰泽区实验小学", "timeZone",
									"Asia/Shanghai"))
					.status())
			.isEqualTo(201);
	}

	/** Registers region, school and screen; returns the screen's secret. */
	static String seedScreen(RunningServer server, String deviceId) {
		seedSchool(server);
		RunningServer.Response device = server.post("/api/v1/devices",
				Map.of("id", deviceId, "schoolId", "shiyan", "name", "一楼大厅显示屏"));
		assertThat(device.status()).isEqualTo(201);
		return device.json().get("secret").asString();
	}

	/**
	 * A posting scheduled for one-second showings, so a played event is journaled each
	 * second.
	 */
	static String scheduleOneSecondPosting(RunningServer server) {
		Instant now = Instant.now();
		String id = server.createApprovedPosting(
				Map.of("schoolId", "shiyan", "title", "作息时间调整通知", "body", "自12月1日起，下午放学时间调整为17:00。", "publicityStart",
						now.minusSeconds(60).toString(), "publicityEnd", now.plus(Duration.ofDays(10)).toString()));
		RunningServer.Response entry = server.post("/api/v1/postings/" + id + "/schedule",
				Map.of("startsAt", now.minusSeconds(60).toString(), "endsAt", now.plus(Duration.ofDays(10)).toString(),
						"durationSeconds", 1));
		assertThat(entry.status()).isEqualTo(201);
		return id;
	}

	/**
	 * Writes {@code count} played events into a journal directory the way the kiosk
	 * writes them (one file per event, named by sequence): the backlog a screen holds
	 * after days offline. Returns their ids.
	 */
	static Set<String> seedBacklog(Path journal, String postingId, int count) {
		Set<String> ids = new HashSet<>();
		try {
			Files.createDirectories(journal);
			Instant start = Instant.now().minus(Duration.ofDays(2));
			for (int i = 0; i < count; i++) {
				String id = "backlog-" + UUID.randomUUID().toString().replace("-", "");
				DeviceEvent event = DeviceEvent.played(id, start.plusSeconds(i), postingId, 1000);
				Files.write(journal.resolve(String.format("%019d", i) + ".json"), CODEC.encode(event));
				ids.add(id);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return ids;
	}

	/**
	 * An approved posting at {@code schoolId}, for screens to report playing: the server
	 * refuses plays of postings it does not know.
	 */
	static String seedPosting(RunningServer server, String schoolId) {
		Instant now = Instant.now();
		return server.createApprovedPosting(
				Map.of("schoolId", schoolId, "title", "收费公示", "body", "作业本费：每生每学期 18 元。", "publicityStart",
						now.minusSeconds(3600).toString(), "publicityEnd", now.plus(Duration.ofDays(10)).toString()));
	}

	/** Event ids the server has stored for the device. */
	static Set<String> storedIds(RunningServer server, String deviceId) {
		return new HashSet<>(server.bean(JdbcClient.class)
			.sql("select event_id from device_event where device_id = ?")
			.param(deviceId)
			.query(String.class)
			.list());
	}

	static long storedCount(RunningServer server, String deviceId) {
		return server.bean(JdbcClient.class)
			.sql("select count(*) from device_event where device_id = ?")
			.param(deviceId)
			.query(Long.class)
			.single();
	}

	/**
	 * Rows beyond one per event id, counted in one statement so new arrivals cannot skew
	 * it.
	 */
	static long duplicateRows(RunningServer server, String deviceId) {
		return server.bean(JdbcClient.class)
			.sql("select count(*) - count(distinct event_id) from device_event where device_id = ?")
			.param(deviceId)
			.query(Long.class)
			.single();
	}

	static long storedPlays(RunningServer server, String deviceId, String postingId) {
		return server.bean(JdbcClient.class)
			.sql("select count(*) from device_event where device_id = ? and posting_id = ? and type = 'PLAYED'")
			.params(deviceId, postingId)
			.query(Long.class)
			.single();
	}

	/** Kiosk properties for a test screen; the player page on any free port. */
	static Properties kioskProperties(String deviceId, String secret, String brokerUrl, String serverUrl,
			Path dataDir) {
		Properties p = new Properties();
		p.setProperty("device.id", deviceId);
		p.setProperty("device.secret", secret);
		p.setProperty("broker.url", brokerUrl);
		p.setProperty("server.url", serverUrl);
		p.setProperty("data.dir", dataDir.toString());
		p.setProperty("player.port", "0");
		p.setProperty("heartbeat.seconds", "2");
		return p;
	}

	/** The kiosk configuration of {@link #kioskProperties}. */
	static KioskConfig kioskConfig(String deviceId, String secret, String brokerUrl, String serverUrl, Path dataDir) {
		return KioskConfig.from(kioskProperties(deviceId, secret, brokerUrl, serverUrl, dataDir));
	}

	/**
	 * Registers a screen at {@code shiyan} and connects a {@link SimulatedDevice} with
	 * its new secret.
	 */
	static SimulatedDevice connectDevice(RunningServer server, String brokerUrl, String deviceId) throws MqttException {
		RunningServer.Response created = server.post("/api/v1/devices",
				Map.of("id", deviceId, "schoolId", "shiyan", "name", "屏 " + deviceId));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		SimulatedDevice device = new SimulatedDevice(brokerUrl, Topics.defaults(), deviceId,
				created.json().get("secret").asString());
		device.connect();
		return device;
	}

	/**
	 * Drives a fleet of simulated screens: each tick every screen records one play (until
	 * its quota) and sends what is unacknowledged, so screens keep recording while a
	 * broker, server or database is away and resend once it is back.
	 */
	static final class Ticker implements AutoCloseable {

		private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();

		private final AtomicInteger ticks = new AtomicInteger();

		void start(List<SimulatedDevice> devices, String postingId, int eventsEach, Duration period) {
			this.executor.scheduleWithFixedDelay(() -> {
				try {
					boolean record = this.ticks.incrementAndGet() <= eventsEach;
					Instant now = Instant.now();
					for (SimulatedDevice device : devices) {
						if (record) {
							device.record(postingId);
						}
						device.send(now);
					}
				}
				catch (RuntimeException ex) {
					// a scheduled task that throws is never run again; keep ticking
					ex.printStackTrace();
				}
			}, 0, period.toMillis(), TimeUnit.MILLISECONDS);
		}

		/** Ticks started so far; past the quota, screens only send. */
		int ticks() {
			return this.ticks.get();
		}

		@Override
		public void close() {
			this.executor.shutdownNow();
		}

	}

	/**
	 * Polls a journal directory every few milliseconds from a daemon thread and keeps
	 * every event id seen there: each of them was recorded, so each must reach the
	 * server.
	 */
	static final class JournalWatch implements AutoCloseable {

		private final Path journal;

		private final Set<String> seen = ConcurrentHashMap.newKeySet();

		private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "journal-watch");
			thread.setDaemon(true);
			return thread;
		});

		JournalWatch(Path journal) {
			this.journal = journal;
			this.poller.scheduleWithFixedDelay(this::scan, 0, 20, TimeUnit.MILLISECONDS);
		}

		/** Every id seen so far, including one last look now. */
		Set<String> seen() {
			scan();
			return Set.copyOf(this.seen);
		}

		private synchronized void scan() {
			this.seen.addAll(ids(this.journal));
		}

		@Override
		public void close() {
			this.poller.shutdownNow();
		}

	}

	/** Ids of the complete event files in a journal directory now. */
	static List<String> ids(Path journal) {
		List<String> ids = new ArrayList<>();
		if (!Files.isDirectory(journal)) {
			return ids;
		}
		try (Stream<Path> files = Files.list(journal)) {
			for (Path file : files.filter((f) -> f.getFileName().toString().endsWith(".json")).toList()) {
				try {
					ids.add(CODEC.decode(Files.readAllBytes(file), DeviceEvent.class).id());
				}
				catch (NoSuchFileException ex) {
					// acknowledged and deleted between listing and reading
				}
				catch (MalformedMessageException ex) {
					throw new AssertionError("journal file " + file + " is not an event: " + ex.getMessage());
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return ids;
	}

}
