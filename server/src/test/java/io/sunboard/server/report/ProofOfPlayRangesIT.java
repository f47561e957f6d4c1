package io.sunboard.server.report;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.sunboard.protocol.DeviceEvent;
import io.sunboard.protocol.ManifestItem;
import io.sunboard.protocol.TimeWindow;
import io.sunboard.server.dispatch.ManifestPublished;
import io.sunboard.server.dispatch.ManifestsPublished;
import io.sunboard.server.ingest.PlayStore;
import io.sunboard.server.system.Jdbc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proof-of-play figures over ranges that cut across hours, days and months, checked
 * against the showings themselves: the report adds months, days and hours of three
 * rollups written by ingest, and must come out as if it had counted every showing in the
 * range.
 */
class ProofOfPlayRangesIT {

	private static final Instant START = Instant.parse("2026-01-20T00:00:00Z");

	private static final int DAYS = 110;

	private final List<Play> plays = new ArrayList<>();

	private DriverManagerDataSource dataSource;

	private JdbcClient jdbc;

	private ProofOfPlayReports reports;

	@BeforeEach
	void database() {
		this.dataSource = new DriverManagerDataSource("jdbc:h2:mem:ranges-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1",
				"sa", "");
		Flyway.configure().dataSource(this.dataSource).locations("classpath:db/migration").load().migrate();
		this.jdbc = JdbcClient.create(this.dataSource);
		this.jdbc.sql("insert into region (id, name) values ('r1', 'r'), ('r2', 'other')").update();
		this.jdbc
			.sql("insert into school (id, region_id, name, time_zone) values ('s1', 'r1', 'one', 'Asia/Shanghai'),"
					+ " ('s2', 'r1', 'two', 'Asia/Shanghai'), ('s3', 'r2', 'elsewhere', 'Asia/Shanghai')")
			.update();
		String[][] devices = { { "dev-1", "s1" }, { "dev-2", "s1" }, { "dev-3", "s2" }, { "dev-4", "s3" } };
		for (String[] d : devices) {
			this.jdbc
				.sql("insert into device (id, school_id, name, profile, secret_sha256, active, created_at)"
						+ " values (?, ?, ?, 'LOBBY', ?, true, ?)")
				.params(d[0], d[1], d[0], "0".repeat(64), Jdbc.utc(START))
				.update();
		}
		this.jdbc.sql("insert into content_blob (sha256, media_type, bytes, created_at) values (?, 'text/html', ?, ?)")
			.params("b".repeat(64), new byte[] { 1 }, Jdbc.utc(START))
			.update();
		for (String p : List.of("p-1", "p-2", "p-gap")) {
			this.jdbc
				.sql("insert into posting (id, school_id, kind, title, body, publicity_start, publicity_end, status,"
						+ " content_sha256, created_at, updated_at) values (?, 's1', 'general', ?, '', ?, ?, 'APPROVED', '"
						+ "b".repeat(64) + "', ?, ?)")
				.params(p, p, Jdbc.utc(START), Jdbc.utc(START.plus(400, ChronoUnit.DAYS)), Jdbc.utc(START),
						Jdbc.utc(START))
				.update();
		}
		this.reports = new ProofOfPlayReports(this.jdbc, new GapFinder(this.jdbc, new ReportNames(this.jdbc)),
				new ReportNames(this.jdbc));
	}

	@Test
	void everyRangeAddsUpToTheShowingsThatBeganInIt() {
		Random random = new Random(20261203);
		PlayStore store = new PlayStore(this.dataSource);
		String[] devices = { "dev-1", "dev-2", "dev-3", "dev-4" };
		for (int batch = 0; batch < 60; batch++) {
			String device = devices[random.nextInt(devices.length)];
			List<DeviceEvent> events = new ArrayList<>();
			for (int i = 0; i < 10; i++) {
				Instant at = START.plusSeconds(random.nextLong(DAYS * 86_400L));
				String posting = random.nextBoolean() ? "p-1" : "p-2";
				String id = "e" + batch + "-" + i;
				if (random.nextInt(8) == 0) {
					Instant last = at.plusSeconds(random.nextInt(7_200));
					long count = 2 + random.nextInt(20);
					long ms = count * 10_000;
					events.add(DeviceEvent.playedSummary(id, at, last, posting, count, ms));
					this.plays.add(new Play(posting, device, at, last, count, ms));
				}
				else {
					long ms = 1_000 + random.nextInt(60_000);
					events.add(DeviceEvent.played(id, at, posting, ms));
					this.plays.add(new Play(posting, device, at, at, 1, ms));
				}
			}
			store.store(device, events, START);
			// a resend of the batch is stored and counted once
			store.store(device, events, START);
		}

		for (int i = 0; i < 80; i++) {
			Instant from = START.plus(random.nextInt(DAYS * 24), ChronoUnit.HOURS).minus(5, ChronoUnit.DAYS);
			Instant to = from.plus(1 + random.nextInt(DAYS * 24), ChronoUnit.HOURS);
			check(new ReportQuery(ReportQuery.Subject.REGION, "r1", from, to), (p) -> !p.device().equals("dev-4"));
			check(new ReportQuery(ReportQuery.Subject.SCHOOL, "s1", from, to),
					(p) -> p.device().equals("dev-1") || p.device().equals("dev-2"));
			check(new ReportQuery(ReportQuery.Subject.DEVICE, "dev-3", from, to), (p) -> p.device().equals("dev-3"));
			check(new ReportQuery(ReportQuery.Subject.POSTING, "p-2", from, to), (p) -> p.posting().equals("p-2"));
		}
	}

	@Test
	void aScreenWithWindowsBeforeAndAfterARangeButNoneInItIsNoGapThere() {
		ScheduledWindows windows = new ScheduledWindows(this.jdbc, new JdbcTemplate(this.dataSource));
		Instant january = Instant.parse("2026-01-25T08:00:00Z");
		Instant march = Instant.parse("2026-03-10T08:00:00Z");
		windows.onPublished(new ManifestsPublished(List.of(new ManifestPublished("dev-3", 7, START,
				List.of(new ManifestItem("p-gap", "p-gap", "general", "a".repeat(64), 10, 0,
						List.of(new TimeWindow(january, january.plus(10, ChronoUnit.HOURS)),
								new TimeWindow(march, march.plus(10, ChronoUnit.HOURS)))))))));

		assertThat(this.jdbc.sql("select first_start, last_end from scheduled_span where device_id = 'dev-3'")
			.query((rs, row) -> Jdbc.instant(rs, "first_start") + " " + Jdbc.instant(rs, "last_end"))
			.list()).containsExactly(january + " " + march.plus(10, ChronoUnit.HOURS));
		ProofOfPlayReport february = this.reports.report(new ReportQuery(ReportQuery.Subject.REGION, "r1",
				Instant.parse("2026-02-01T00:00:00Z"), Instant.parse("2026-03-01T00:00:00Z")));
		assertThat(february.gaps()).isEmpty();

		ProofOfPlayReport spring = this.reports.report(new ReportQuery(ReportQuery.Subject.SCHOOL, "s2",
				Instant.parse("2026-02-01T00:00:00Z"), Instant.parse("2026-04-01T00:00:00Z")));
		assertThat(spring.gaps()).singleElement().satisfies((gap) -> {
			assertThat(gap.deviceId()).isEqualTo("dev-3");
			assertThat(gap.postingId()).isEqualTo("p-gap");
			assertThat(gap.reason()).isEqualTo(ProofOfPlayReport.GapReason.OFFLINE);
		});
	}

	private void check(ReportQuery query, Predicate<Play> subject) {
		Map<String, Play> expected = new TreeMap<>();
		for (Play p : this.plays) {
			Instant hour = p.first().truncatedTo(ChronoUnit.HOURS);
			if (subject.test(p) && !hour.isBefore(query.from()) && hour.isBefore(query.to())) {
				expected.merge(p.posting() + " " + p.device(), p, Play::plus);
			}
		}
		ProofOfPlayReport report = this.reports.report(query);
		List<String> actual = report.rows()
			.stream()
			.map((r) -> r.postingId() + " " + r.deviceId() + " " + r.plays() + " " + r.durationMs() + " "
					+ r.firstShown() + " " + r.lastShown())
			.toList();
		assertThat(actual).as("%s %s from %s to %s", query.subject(), query.id(), query.from(), query.to())
			.containsExactlyElementsOf(expected.entrySet()
				.stream()
				.map((e) -> e.getKey() + " " + e.getValue().count() + " " + e.getValue().ms() + " "
						+ e.getValue().first() + " " + e.getValue().last())
				.toList());
		assertThat(report.totals().plays()).isEqualTo(expected.values().stream().mapToLong(Play::count).sum());
		assertThat(report.totals().firstShown())
			.isEqualTo(expected.values().stream().map(Play::first).min(Comparator.naturalOrder()).orElse(null));
	}

	private record Play(String posting, String device, Instant first, Instant last, long count, long ms) {

		Play plus(Play other) {
			return new Play(this.posting, this.device, this.first.isBefore(other.first) ? this.first : other.first,
					this.last.isAfter(other.last) ? this.last : other.last, this.count + other.count,
					this.ms + other.ms);
		}

	}

}
