package io.sunboard.server.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.sunboard.server.security.Scope;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's paging, filtering and counting on 10,000 screens in H2 (the real
 * schema, by Flyway): every answer is checked against {@link ScreenHealth#classify}
 * applied to the same rows in Java. Correctness only; speed is measured in bench/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardQueryTests {

	static final int SCHOOLS = 100;

	static final int SCREENS_PER_SCHOOL = 100;

	private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

	private static final Duration STALE_AFTER = Duration.ofMinutes(1);

	private final Map<String, ScreenHealth> expected = new LinkedHashMap<>();

	private final Map<String, String> schoolOf = new HashMap<>();

	private DashboardQuery query;

	@BeforeAll
	void seed() {
		DataSource dataSource = DashboardFixture.database();
		this.query = new DashboardQuery(JdbcClient.create(dataSource));
		DashboardFixture.seed(new JdbcTemplate(dataSource), NOW, this.expected, this.schoolOf, STALE_AFTER);
	}

	@Test
	void countsPerSchoolMatchTheClassificationOfEveryScreen() {
		List<SchoolCounts> counts = this.query.counts(Scope.ALL, NOW.minus(STALE_AFTER));
		assertThat(counts).hasSize(SCHOOLS);
		Map<String, long[]> expectedCounts = new HashMap<>();
		this.expected.forEach((id, health) -> expectedCounts.computeIfAbsent(this.schoolOf.get(id),
				(s) -> new long[3])[health.ordinal()]++);
		for (SchoolCounts c : counts) {
			long[] e = expectedCounts.get(c.schoolId());
			assertThat(new long[] { c.fine(), c.stale(), c.offline() }).as(c.schoolId()).containsExactly(e);
		}
		assertThat(counts.stream().mapToLong(SchoolCounts::total).sum()).isEqualTo(SCHOOLS * SCREENS_PER_SCHOOL);
		// the fixture has every health, so a wrong rule cannot pass by accident
		assertThat(counts.stream().mapToLong(SchoolCounts::stale).sum()).isPositive();
		assertThat(counts.stream().mapToLong(SchoolCounts::offline).sum()).isPositive();
	}

	@Test
	void pagingThroughAFilterVisitsEachMatchingScreenOnceInOrder() {
		for (ScreenHealth health : ScreenHealth.values()) {
			Set<String> want = new HashSet<>();
			this.expected.forEach((id, h) -> {
				if (h == health) {
					want.add(id);
				}
			});
			List<String> seen = new ArrayList<>();
			List<ScreenRow> all = new ArrayList<>();
			int page = 0;
			ScreenPage result;
			do {
				result = this.query.page(Scope.ALL, new DashboardView(null, health, page++, 200),
						NOW.minus(STALE_AFTER));
				assertThat(result.total()).isEqualTo(want.size());
				result.rows().forEach((r) -> seen.add(r.id()));
				all.addAll(result.rows());
			}
			while (!result.rows().isEmpty());
			assertThat(seen).doesNotHaveDuplicates();
			assertThat(new HashSet<>(seen)).isEqualTo(want);
			assertThat(all).allMatch((r) -> r.health() == health);
			List<String> sorted = all.stream()
				.sorted((a, b) -> (a.schoolName() + "\0" + a.name() + "\0" + a.id())
					.compareTo(b.schoolName() + "\0" + b.name() + "\0" + b.id()))
				.map(ScreenRow::id)
				.toList();
			assertThat(seen).isEqualTo(sorted);
		}
	}

	@Test
	void aPageHoldsTheScreensFiguresAndIsNoLargerThanAsked() {
		ScreenPage page = this.query.page(Scope.ALL, new DashboardView("s-007", null, 0, 50), NOW.minus(STALE_AFTER));
		assertThat(page.total()).isEqualTo(SCREENS_PER_SCHOOL);
		assertThat(page.rows()).hasSize(50).allMatch((r) -> r.schoolId().equals("s-007"));
		ScreenRow first = page.rows().get(0);
		assertThat(first.health()).isEqualTo(this.expected.get(first.id()));
		assertThat(first.schoolName()).isEqualTo("学校007");
		ScreenRow fine = page.rows()
			.stream()
			.filter((r) -> r.health() == ScreenHealth.FINE && r.nowPlaying() != null)
			.findFirst()
			.orElseThrow();
		assertThat(fine.nowPlayingTitle()).isEqualTo("收费公示");
		assertThat(fine.diskFreeBytes()).isPositive();
		assertThat(fine.heartbeatAt()).isNotNull();
	}

	@Test
	void aSchoolScopeSeesOnlyItsSchoolAndARegionScopeOnlyItsRegion() {
		Instant staleBefore = NOW.minus(STALE_AFTER);
		assertThat(this.query.counts(Scope.school("s-003"), staleBefore)).extracting(SchoolCounts::schoolId)
			.containsExactly("s-003");
		ScreenPage school = this.query.page(Scope.school("s-003"), new DashboardView(null, null, 0, 200), staleBefore);
		assertThat(school.total()).isEqualTo(SCREENS_PER_SCHOOL);
		assertThat(school.rows()).allMatch((r) -> r.schoolId().equals("s-003"));
		// a school outside the scope as a filter finds nothing rather than another school
		assertThat(this.query.page(Scope.school("s-003"), new DashboardView("s-004", null, 0, 50), staleBefore).total())
			.isZero();
		List<SchoolCounts> region = this.query.counts(Scope.region("r-even"), staleBefore);
		assertThat(region).hasSize(SCHOOLS / 2).allMatch((c) -> Integer.parseInt(c.schoolId().substring(2)) % 2 == 0);
		assertThat(this.query.recentFeedback(Scope.school("s-003"), 10)).isEmpty();
	}

	@Test
	void retiredScreensAreLeftOut() {
		ScreenPage page = this.query.page(Scope.ALL, new DashboardView("s-000", null, 0, 200), NOW.minus(STALE_AFTER));
		assertThat(page.rows()).noneMatch((r) -> r.id().equals(DashboardFixture.RETIRED));
	}

	/** An H2 database with the application's schema and 10,000 screens. */
	static final class DashboardFixture {

		static final String RETIRED = "retired-screen";

		private DashboardFixture() {
		}

		static DataSource database() {
			JdbcDataSource dataSource = new JdbcDataSource();
			dataSource.setURL("jdbc:h2:mem:dashboard-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
			dataSource.setUser("sa");
			Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
			return dataSource;
		}

		/**
		 * Every tenth screen offline, every tenth (another tenth) online but a manifest
		 * behind for two minutes (stale), every tenth behind for ten seconds (fine, still
		 * applying), every tenth without any manifest, the rest up to date.
		 */
		static void seed(JdbcTemplate jdbc, Instant now, Map<String, ScreenHealth> expected,
				Map<String, String> schoolOf, Duration staleAfter) {
			OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
			jdbc.update("insert into region (id, name) values ('r-even', '偶数区'), ('r-odd', '奇数区')");
			jdbc.update("insert into content_blob (sha256, media_type, bytes, created_at) values (?, ?, ?, ?)",
					"a".repeat(64), "application/json", new byte[] { 1 }, at);
			List<Object[]> schools = new ArrayList<>();
			List<Object[]> devices = new ArrayList<>();
			List<Object[]> states = new ArrayList<>();
			List<Object[]> manifests = new ArrayList<>();
			List<Object[]> postings = new ArrayList<>();
			for (int s = 0; s < SCHOOLS; s++) {
				String school = String.format("s-%03d", s);
				schools.add(new Object[] { school, (s % 2 == 0) ? "r-even" : "r-odd", String.format("学校%03d", s) });
				postings.add(new Object[] { "p-" + school, school, "收费公示", at, at.plusDays(10), at, at });
				for (int d = 0; d < SCREENS_PER_SCHOOL; d++) {
					String id = String.format("d-%03d-%03d", s, d);
					devices.add(new Object[] { id, school, "屏" + ((d * 37) % SCREENS_PER_SCHOOL), true, at });
					int kind = d % 10;
					boolean online = kind != 0;
					long latest = (kind == 3) ? 0 : 2;
					long applied = (kind == 1 || kind == 2) ? 1 : latest;
					Instant published = (kind == 1) ? now.minusSeconds(120)
							: (kind == 2) ? now.minusSeconds(10) : now.minusSeconds(3600);
					states.add(new Object[] { id, online, 1L, at, at.minusSeconds(d), applied,
							(kind > 3) ? "p-" + school : null, 0, 1_000_000_000L + d });
					if (latest > 0) {
						manifests
							.add(new Object[] { id, latest, "b".repeat(64), "{}", published.atOffset(ZoneOffset.UTC) });
					}
					expected.put(id, ScreenHealth.classify(online, applied, latest, (latest > 0) ? published : null,
							now, staleAfter));
					schoolOf.put(id, school);
				}
			}
			jdbc.batchUpdate("insert into school (id, region_id, name, time_zone) values (?, ?, ?, 'Asia/Shanghai')",
					schools);
			jdbc.batchUpdate("insert into posting (id, school_id, kind, title, body, publicity_start, publicity_end,"
					+ " status, content_sha256, created_at, updated_at) values (?, ?, 'fee-notice', ?, '', ?, ?,"
					+ " 'APPROVED', '" + "a".repeat(64) + "', ?, ?)", postings);
			jdbc.batchUpdate("insert into device (id, school_id, name, profile, secret_sha256, active, created_at)"
					+ " values (?, ?, ?, 'landscape', '" + "c".repeat(64) + "', ?, ?)", devices);
			jdbc.batchUpdate("insert into device_state (device_id, online, session_epoch, status_at, heartbeat_at,"
					+ " applied_manifest_version, now_playing, journal_depth, disk_free_bytes)"
					+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?)", states);
			jdbc.batchUpdate("insert into device_manifest (device_id, version, content_hash, payload, published_at)"
					+ " values (?, ?, ?, ?, ?)", manifests);
			jdbc.update("insert into device (id, school_id, name, profile, secret_sha256, active, created_at)"
					+ " values (?, 's-000', '退役', 'landscape', ?, false, ?)", RETIRED, "c".repeat(64), at);
		}

	}

}
