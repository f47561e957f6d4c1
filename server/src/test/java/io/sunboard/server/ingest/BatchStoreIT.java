package io.sunboard.server.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import io.sunboard.protocol.DeviceEvent;
import io.sunboard.server.system.Jdbc;
import io.sunboard.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Batch storing on a real H2 database with the real schema: two server instances storing
 * the same batch at the same moment store and roll it up once; the retention purge
 * deletes what is older than the retention period by the injected clock and keeps daily
 * rollups.
 */
@Timeout(60)
class BatchStoreIT {

	private static final Instant T0 = Instant.parse("2026-11-20T08:15:00Z");

	private DriverManagerDataSource dataSource;

	private JdbcClient jdbc;

	@BeforeEach
	void database() {
		this.dataSource = new DriverManagerDataSource(
				"jdbc:h2:mem:batch-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=30000", "sa", "");
		Flyway.configure().dataSource(this.dataSource).locations("classpath:db/migration").load().migrate();
		this.jdbc = JdbcClient.create(this.dataSource);
		this.jdbc.sql("insert into region (id, name) values ('r1', 'r')").update();
		this.jdbc.sql("insert into school (id, region_id, name, time_zone) values ('s1', 'r1', 's', 'Asia/Shanghai')")
			.update();
		this.jdbc
			.sql("insert into device (id, school_id, name, profile, secret_sha256, active, created_at)"
					+ " values ('dev-1', 's1', 'd', 'LOBBY', ?, true, ?)")
			.params("0".repeat(64), Jdbc.utc(T0))
			.update();
	}

	@Test
	void twoInstancesStoringTheSameBatchAtOnceStoreAndCountItOnce() throws Exception {
		List<DeviceEvent> batch = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			batch.add(DeviceEvent.played("ev-" + i, T0.plusSeconds(i * 30L), "p-1", 1_000 + i));
		}
		List<Object> published = new CopyOnWriteArrayList<>();
		CountDownLatch release = new CountDownLatch(1);
		// the first instance holds its transaction open (after inserting) until the
		// second is blocked on the same keys
		BatchStore first = store((event) -> {
			published.add(event);
			waitFor(release);
		});
		BatchStore second = store(published::add);
		CompletableFuture<List<DeviceEvent>> a = CompletableFuture.supplyAsync(() -> first.store("dev-1", batch, T0));
		await().atMost(Duration.ofSeconds(20)).until(() -> published.size() == 1);
		CompletableFuture<List<DeviceEvent>> b = CompletableFuture.supplyAsync(() -> second.store("dev-1", batch, T0));
		// the second has read the stored ids (not seeing the first's uncommitted rows)
		// and waits in its insert for the first's row locks (H2 shows no blocker_id for
		// row locks, only the statement)
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.jdbc
				.sql("select count(*) from information_schema.sessions"
						+ " where executing_statement like 'insert into device_event%'")
				.query(Integer.class)
				.single() == 1);
		release.countDown();

		assertThat(a.get(30, TimeUnit.SECONDS)).hasSize(200);
		assertThat(b.get(30, TimeUnit.SECONDS)).isEmpty();
		assertThat(published).hasSize(1);
		assertThat(count("select count(*) from device_event")).isEqualTo(200);
		long expectedMs = 200 * 1_000 + (199 * 200) / 2;
		assertThat(count("select sum(plays) from play_hourly")).isEqualTo(200);
		assertThat(count("select sum(duration_ms) from play_hourly")).isEqualTo(expectedMs);
		assertThat(count("select sum(plays) from play_daily")).isEqualTo(200);
		assertThat(count("select sum(duration_ms) from play_daily")).isEqualTo(expectedMs);
		// showings 30 s apart from 08:15: the 08:00 bucket holds the 90 that began before
		// 09:00
		assertThat(count("select plays from play_hourly where hour_start = ?", Jdbc.utc(T0.minusSeconds(900))))
			.isEqualTo(90);
	}

	@Test
	void aBatchRepeatingAnEventAndARedeliveryStoreEachEventOnce() {
		BatchStore store = store((event) -> {
		});
		DeviceEvent e = DeviceEvent.played("ev-x", T0, "p-1", 5_000);
		assertThat(store.store("dev-1", List.of(e, e), T0)).hasSize(1);
		assertThat(store.store("dev-1", List.of(e), T0)).isEmpty();
		assertThat(count("select plays from play_daily")).isEqualTo(1);
		assertThat(count("select duration_ms from play_hourly")).isEqualTo(5_000);
	}

	@Test
	void aBatchWhoseLaterEventsWereStoredStoresOnlyItsNewOnes() {
		BatchStore store = store((event) -> {
		});
		DeviceEvent a = DeviceEvent.played("ev-a", T0, "p-1", 1_000);
		DeviceEvent b = DeviceEvent.played("ev-b", T0, "p-1", 2_000);
		DeviceEvent c = DeviceEvent.played("ev-c", T0, "p-1", 4_000);
		store.store("dev-1", List.of(b), T0);

		// its first event is new, so the first attempt inserts blind, meets ev-b's key
		// and tries again looking first
		assertThat(store.store("dev-1", List.of(a, b, c), T0)).extracting(DeviceEvent::id)
			.containsExactly("ev-a", "ev-c");
		assertThat(count("select count(*) from device_event")).isEqualTo(3);
		assertThat(count("select plays from play_daily")).isEqualTo(3);
		assertThat(count("select duration_ms from play_hourly")).isEqualTo(7_000);
	}

	@Test
	void batchesOfSeveralDevicesStoredTogetherStoreEachEventOnceAndAnswerInOrder() {
		this.jdbc
			.sql("insert into device (id, school_id, name, profile, secret_sha256, active, created_at)"
					+ " values ('dev-2', 's1', 'd', 'LOBBY', ?, true, ?)")
			.params("0".repeat(64), Jdbc.utc(T0))
			.update();
		List<Object> published = new CopyOnWriteArrayList<>();
		BatchStore store = store(published::add);
		DeviceEvent old = DeviceEvent.played("ev-old", T0, "p-1", 1_000);
		store.store("dev-1", List.of(old), T0);
		published.clear();

		// dev-2 first, then a dev-1 batch repeating a stored event (a key collision
		// that sends the whole group round again, looking first), then a new dev-1 one
		List<List<DeviceEvent>> stored = store
			.storeAll(List.of(new BatchStore.Batch("dev-2", List.of(DeviceEvent.played("ev-2a", T0, "p-1", 2_000))),
					new BatchStore.Batch("dev-1", List.of(DeviceEvent.played("ev-1a", T0, "p-1", 3_000), old)),
					new BatchStore.Batch("dev-1", List.of(DeviceEvent.played("ev-1b", T0, "p-1", 4_000)))), T0);

		assertThat(stored).hasSize(3);
		assertThat(stored.get(0)).extracting(DeviceEvent::id).containsExactly("ev-2a");
		assertThat(stored.get(1)).extracting(DeviceEvent::id).containsExactly("ev-1a");
		assertThat(stored.get(2)).extracting(DeviceEvent::id).containsExactly("ev-1b");
		assertThat(count("select count(*) from device_event")).isEqualTo(4);
		assertThat(count("select sum(plays) from play_daily")).isEqualTo(4);
		assertThat(count("select sum(duration_ms) from play_hourly")).isEqualTo(10_000);
		// one announcement per stored batch, none for the rolled-back attempt
		assertThat(published).hasSize(3);
	}

	@Test
	void aResentBatchInAGroupOfNewOnesIsFoundByItsFirstEventAndStoredOnce() {
		this.jdbc
			.sql("insert into device (id, school_id, name, profile, secret_sha256, active, created_at)"
					+ " values ('dev-2', 's1', 'd', 'LOBBY', ?, true, ?)")
			.params("0".repeat(64), Jdbc.utc(T0))
			.update();
		BatchStore store = store((event) -> {
		});
		DeviceEvent sentBefore = DeviceEvent.played("ev-1a", T0, "p-1", 1_000);
		store.store("dev-1", List.of(sentBefore), T0);

		// dev-1's batch came again after a lost ack, with one event more; the other
		// batches of the group are new and share one lookup and one insert with it
		List<List<DeviceEvent>> stored = store
			.storeAll(List.of(new BatchStore.Batch("dev-2", List.of(DeviceEvent.played("ev-2a", T0, "p-1", 2_000))),
					new BatchStore.Batch("dev-1", List.of(sentBefore, DeviceEvent.played("ev-1b", T0, "p-1", 4_000))),
					new BatchStore.Batch("dev-2", List.of(DeviceEvent.played("ev-2b", T0, "p-1", 8_000),
							DeviceEvent.played("ev-2c", T0, "p-1", 16_000)))),
					T0);

		assertThat(stored.get(0)).extracting(DeviceEvent::id).containsExactly("ev-2a");
		assertThat(stored.get(1)).extracting(DeviceEvent::id).containsExactly("ev-1b");
		assertThat(stored.get(2)).extracting(DeviceEvent::id).containsExactly("ev-2b", "ev-2c");
		assertThat(count("select count(*) from device_event")).isEqualTo(5);
		assertThat(count("select sum(plays) from play_daily where device_id = 'dev-1'")).isEqualTo(2);
		assertThat(count("select sum(duration_ms) from play_hourly where device_id = 'dev-2'")).isEqualTo(26_000);
	}

	@Test
	void aBatchThatCannotBeStoredIsLeftOutAndTheRestOfItsGroupIsStored() {
		BatchStore store = store((event) -> {
		});
		List<List<DeviceEvent>> stored = store
			.storeAll(List.of(new BatchStore.Batch("dev-1", List.of(DeviceEvent.played("ev-a", T0, "p-1", 1_000))),
					// no such device: the insert breaks a foreign key whatever is tried
					new BatchStore.Batch("dev-gone", List.of(DeviceEvent.played("ev-x", T0, "p-1", 1_000))),
					new BatchStore.Batch("dev-1", List.of(DeviceEvent.played("ev-b", T0, "p-1", 2_000)))), T0);

		assertThat(stored.get(0)).extracting(DeviceEvent::id).containsExactly("ev-a");
		assertThat(stored.get(1)).isNull();
		assertThat(stored.get(2)).extracting(DeviceEvent::id).containsExactly("ev-b");
		assertThat(count("select count(*) from device_event")).isEqualTo(2);
		assertThat(count("select sum(plays) from play_daily")).isEqualTo(2);
	}

	@Test
	void purgeDeletesWhatIsOlderThanTheRetentionByTheClockAndKeepsDailyRollups() {
		store((event) -> {
		}).store("dev-1", List.of(DeviceEvent.played("old", T0, "p-1", 1_000),
				DeviceEvent.played("new", T0.plus(Duration.ofDays(10)), "p-1", 2_000)), T0);
		this.jdbc.sql("insert into device_presence (device_id, hour_start) values ('dev-1', ?)")
			.param(Jdbc.utc(T0.minusSeconds(900)))
			.update();
		MutableClock clock = new MutableClock(T0.plus(Duration.ofDays(5)));
		RetentionPurge purge = new RetentionPurge(this.jdbc,
				new IngestSettings(Duration.ofDays(7), Duration.ofMinutes(5), Duration.ofHours(1)), clock);

		assertThat(purge.purge().events()).isZero();
		clock.advance(Duration.ofDays(3));
		RetentionPurge.Purged purged = purge.purge();
		assertThat(purged.events()).isEqualTo(1);
		assertThat(purged.hourlyRollups()).isEqualTo(1);
		assertThat(purged.presenceHours()).isEqualTo(1);
		assertThat(count("select count(*) from device_event where event_id = 'new'")).isEqualTo(1);
		assertThat(count("select count(*) from play_daily")).isEqualTo(2);
		assertThat(count("select sum(plays) from play_daily")).isEqualTo(2);
	}

	@Test
	void purgeKeepsTheHourlyRollupsOfTheUtcDaysAroundNewYear() {
		Instant newYearsEve = Instant.parse("2025-12-31T16:30:00Z"); // 00:30 on 1 January
																		// in Shanghai
		Instant newYearsDay = Instant.parse("2026-01-01T03:00:00Z");
		Instant january2 = Instant.parse("2026-01-02T00:10:00Z");
		Instant december30 = Instant.parse("2026-12-30T23:50:00Z");
		store((event) -> {
		}).store("dev-1",
				List.of(DeviceEvent.played("eve", newYearsEve, "p-1", 1_000),
						DeviceEvent.played("day", newYearsDay, "p-1", 1_000),
						DeviceEvent.played("jan2", january2, "p-1", 1_000),
						DeviceEvent.played("dec30", december30, "p-1", 1_000)),
				T0);
		RetentionPurge purge = new RetentionPurge(this.jdbc,
				new IngestSettings(Duration.ofDays(7), Duration.ofMinutes(5), Duration.ofHours(1)),
				new MutableClock(Instant.parse("2027-03-01T00:00:00Z")));

		assertThat(new RetentionPurge(this.jdbc,
				new IngestSettings(Duration.ofDays(7), Duration.ofMinutes(5), Duration.ofHours(1)),
				new MutableClock(Instant.parse("2025-01-01T00:00:00Z")))
			.purge()
			.hourlyRollups()).as("nothing older than the cutoff").isZero();

		RetentionPurge.Purged purged = purge.purge();

		assertThat(purged.events()).isEqualTo(4);
		assertThat(purged.hourlyRollups()).isEqualTo(2);
		assertThat(this.jdbc.sql("select hour_start from play_hourly order by hour_start")
			.query((rs, row) -> Jdbc.instant(rs, "hour_start"))
			.list()).containsExactly(Instant.parse("2025-12-31T16:00:00Z"), Instant.parse("2026-01-01T03:00:00Z"));
		assertThat(purge.purge().hourlyRollups()).isZero();
		assertThat(count("select sum(plays) from play_daily")).isEqualTo(4);
	}

	@Test
	void ratingsAreRolledUpByHourAndTheMigrationRollsUpThoseStoredBefore() {
		DriverManagerDataSource old = new DriverManagerDataSource(
				"jdbc:h2:mem:v12-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
		Flyway.configure().dataSource(old).locations("classpath:db/migration").target("12").load().migrate();
		JdbcClient v12 = JdbcClient.create(old);
		v12.sql("insert into region (id, name) values ('r1', 'r')").update();
		v12.sql("insert into school (id, region_id, name, time_zone) values ('s1', 'r1', 's', 'Asia/Shanghai')")
			.update();
		v12.sql("insert into device (id, school_id, name, profile, secret_sha256, active, created_at)"
				+ " values ('dev-1', 's1', 'd', 'LOBBY', ?, true, ?)")
			.params("0".repeat(64), Jdbc.utc(T0))
			.update();
		int n = 0;
		for (boolean helpful : new boolean[] { true, false, true }) {
			v12.sql("insert into device_event (device_id, event_id, type, occurred_at, posting_id, received_at, helpful)"
					+ " values ('dev-1', ?, 'RATING', ?, 'p-1', ?, ?)")
				.params("r" + n, Jdbc.utc(T0.plusSeconds(60L * n)), Jdbc.utc(T0), helpful)
				.update();
			n++;
		}
		Flyway.configure().dataSource(old).locations("classpath:db/migration").load().migrate();
		assertThat(v12.sql("select hour_start, helpful, ratings from rating_hourly")
			.query((rs, row) -> Jdbc.instant(rs, "hour_start") + " " + rs.getLong("helpful") + "/"
					+ rs.getLong("ratings"))
			.list()).containsExactly("2026-11-20T08:00:00Z 2/3");
		assertThat(ratings(v12, "rating_daily", "day_start")).containsExactly("2026-11-20T00:00:00Z 2/3");
		assertThat(ratings(v12, "rating_monthly", "month_start")).containsExactly("2026-11-01T00:00:00Z 2/3");

		BatchStore store = store((event) -> {
		});
		store.store("dev-1",
				List.of(DeviceEvent.rating("a", T0, "p-1", true), DeviceEvent.rating("b", T0, "p-1", false),
						DeviceEvent.rating("c", T0.plus(Duration.ofHours(1)), "p-1", true)),
				T0);
		store.store("dev-1", List.of(DeviceEvent.rating("a", T0, "p-1", true)), T0);
		assertThat(this.jdbc.sql("select hour_start, helpful, ratings from rating_hourly order by hour_start")
			.query((rs, row) -> Jdbc.instant(rs, "hour_start") + " " + rs.getLong("helpful") + "/"
					+ rs.getLong("ratings"))
			.list()).containsExactly("2026-11-20T08:00:00Z 1/2", "2026-11-20T09:00:00Z 1/1");
		assertThat(ratings(this.jdbc, "rating_daily", "day_start")).containsExactly("2026-11-20T00:00:00Z 2/3");
		assertThat(ratings(this.jdbc, "rating_monthly", "month_start")).containsExactly("2026-11-01T00:00:00Z 2/3");
	}

	@Test
	void showingsAreRolledUpByUtcMonthAndTheMigrationRollsUpTheDaysStoredBefore() {
		DriverManagerDataSource old = new DriverManagerDataSource(
				"jdbc:h2:mem:v15-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
		Flyway.configure().dataSource(old).locations("classpath:db/migration").target("15").load().migrate();
		JdbcClient v15 = JdbcClient.create(old);
		// 31 January and 1 February (UTC) of one screen, and March of another
		Object[][] days = { { "p-1", "dev-1", "2026-01-31T00:00:00Z", 3, 3_000 },
				{ "p-1", "dev-1", "2026-02-01T00:00:00Z", 2, 2_000 },
				{ "p-1", "dev-1", "2026-02-28T00:00:00Z", 5, 500 },
				{ "p-2", "dev-2", "2026-03-15T00:00:00Z", 1, 100 } };
		for (Object[] d : days) {
			Instant day = Instant.parse((String) d[2]);
			v15.sql("insert into play_daily (posting_id, device_id, day_start, plays, duration_ms, first_at, last_at)"
					+ " values (?, ?, ?, ?, ?, ?, ?)")
				.params(d[0], d[1], Jdbc.utc(day), d[3], d[4], Jdbc.utc(day.plusSeconds(60)),
						Jdbc.utc(day.plusSeconds(600)))
				.update();
		}
		Flyway.configure().dataSource(old).locations("classpath:db/migration").load().migrate();
		assertThat(months(v15)).containsExactly("p-1 dev-1 2026-01-01T00:00:00Z 3 3000 2026-01-31T00:01:00Z",
				"p-1 dev-1 2026-02-01T00:00:00Z 7 2500 2026-02-01T00:01:00Z",
				"p-2 dev-2 2026-03-01T00:00:00Z 1 100 2026-03-15T00:01:00Z");

		// ingest adds to the month a showing began in, in UTC (08:30 on 1 February in
		// Shanghai is still January)
		store((event) -> {
		}).store("dev-1",
				List.of(DeviceEvent.played("jan", Instant.parse("2026-01-31T23:59:00Z"), "p-1", 1_000),
						DeviceEvent.played("feb", Instant.parse("2026-02-01T00:30:00Z"), "p-1", 2_000),
						DeviceEvent.playedSummary("sum", Instant.parse("2026-02-10T10:00:00Z"),
								Instant.parse("2026-02-10T11:00:00Z"), "p-1", 4, 40_000)),
				T0);
		store((event) -> {
		}).store("dev-1", List.of(DeviceEvent.played("jan", Instant.parse("2026-01-31T23:59:00Z"), "p-1", 1_000)), T0);
		assertThat(months(this.jdbc)).containsExactly("p-1 dev-1 2026-01-01T00:00:00Z 1 1000 2026-01-31T23:59:00Z",
				"p-1 dev-1 2026-02-01T00:00:00Z 5 42000 2026-02-01T00:30:00Z");
	}

	private static List<String> ratings(JdbcClient jdbc, String table, String bucket) {
		return jdbc.sql("select " + bucket + ", helpful, ratings from " + table + " order by " + bucket)
			.query((rs, row) -> Jdbc.instant(rs, bucket) + " " + rs.getLong("helpful") + "/" + rs.getLong("ratings"))
			.list();
	}

	private static List<String> months(JdbcClient jdbc) {
		return jdbc
			.sql("select posting_id, device_id, month_start, plays, duration_ms, first_at from play_monthly"
					+ " order by posting_id, device_id, month_start")
			.query((rs, row) -> rs.getString(1) + " " + rs.getString(2) + " " + Jdbc.instant(rs, "month_start") + " "
					+ rs.getLong(4) + " " + rs.getLong(5) + " " + Jdbc.instant(rs, "first_at"))
			.list();
	}

	private BatchStore store(ApplicationEventPublisher publisher) {
		JdbcTemplate template = new JdbcTemplate(this.dataSource);
		return new BatchStore(new DeviceEventRepository(JdbcClient.create(template), template),
				new PlayRollups(template), new RatingRollups(template), publisher,
				new TransactionTemplate(new DataSourceTransactionManager(this.dataSource)));
	}

	private long count(String sql, Object... params) {
		return this.jdbc.sql(sql).params(params).query(Long.class).single();
	}

	private static void waitFor(CountDownLatch latch) {
		try {
			if (!latch.await(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException("not released");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
