package io.sunboard.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.sunboard.server.dashboard.DashboardQuery;
import io.sunboard.server.dashboard.DashboardView;
import io.sunboard.server.dashboard.ScreenHealth;
import io.sunboard.server.security.Scope;

/**
 * The live dashboard's queries at 10,000 screens in the server's real schema (H2 in
 * memory, by Flyway): a page, a filtered deep page, the counts per school and the publish
 * progress, as one push round computes them. Prints a table and appends it to
 * {@code docs/benchmarks.md}.
 * <p>
 * Run: {@code ./mvnw -B -q install -DskipTests && ./mvnw -B -q -pl bench exec:java
 * -Dexec.mainClass=io.sunboard.bench.DashboardBench}
 */
public final class DashboardBench {

	static final int SCHOOLS = 100;

	static final int SCREENS_PER_SCHOOL = 100;

	static final int POSTINGS_PER_SCHOOL = 5;

	private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

	private static final Instant STALE_BEFORE = NOW.minus(Duration.ofMinutes(1));

	private final DashboardQuery query;

	private DashboardBench(DataSource dataSource) {
		this.query = new DashboardQuery(JdbcClient.create(dataSource));
	}

	public static void main(String[] args) throws IOException {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 50;
		DriverManagerDataSource dataSource = new DriverManagerDataSource(
				"jdbc:h2:mem:dashboard-bench-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
		seed(new JdbcTemplate(dataSource));
		DashboardBench bench = new DashboardBench(dataSource);
		List<String> rows = new ArrayList<>();
		rows.add(bench.measure("first page (50 screens), every school, every state", rounds,
				() -> bench.query.page(Scope.ALL, new DashboardView(null, null, 0, 50), STALE_BEFORE).rows().size()));
		rows.add(bench.measure("page 20 of the offline screens", rounds,
				() -> bench.query.page(Scope.ALL, new DashboardView(null, ScreenHealth.OFFLINE, 19, 50), STALE_BEFORE)
					.rows()
					.size()));
		rows.add(bench.measure("one school's first page", rounds,
				() -> bench.query.page(Scope.ALL, new DashboardView("s-042", null, 0, 50), STALE_BEFORE)
					.rows()
					.size()));
		rows.add(bench.measure("counts per school (100 schools)", rounds,
				() -> bench.query.counts(Scope.ALL, STALE_BEFORE).size()));
		rows.add(bench.measure("counts, a region's 50 schools", rounds,
				() -> bench.query.counts(Scope.region("r-even"), STALE_BEFORE).size()));
		rows.add(bench.measure("publish progress, latest 10 of 500 postings", rounds,
				() -> bench.query.progress(Scope.ALL, 10).size()));
		rows.add(bench.measure("one push round for one district view (page + counts + progress)", rounds, () -> {
			int n = bench.query.page(Scope.ALL, new DashboardView(null, null, 0, 50), STALE_BEFORE).rows().size();
			n += bench.query.counts(Scope.ALL, STALE_BEFORE).size();
			return n + bench.query.progress(Scope.ALL, 10).size();
		}));
		String table = table(rounds, rows);
		System.out.println(table);
		Path doc = Path.of("docs/benchmarks.md");
		Files.writeString(doc, table, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
		System.out.println("Appended to " + doc.toAbsolutePath());
	}

	private String measure(String scenario, int rounds, Supplier<Integer> run) {
		for (int i = 0; i < 5; i++) {
			run.get(); // warm-up
		}
		long[] nanos = new long[rounds];
		for (int i = 0; i < rounds; i++) {
			long start = System.nanoTime();
			if (run.get() <= 0) {
				throw new IllegalStateException(scenario + " returned nothing; the fixture is wrong");
			}
			nanos[i] = System.nanoTime() - start;
		}
		Arrays.sort(nanos);
		return String.format(Locale.ROOT, "| %s | %d | %.2f ms | %.2f ms | %.2f ms |", scenario, rounds,
				nanos[rounds / 2] / 1e6, nanos[(int) (rounds * 0.95)] / 1e6, nanos[rounds - 1] / 1e6);
	}

	private static String table(int rounds, List<String> rows) {
		Runtime runtime = Runtime.getRuntime();
		StringBuilder out = new StringBuilder();
		out.append("\n## Live dashboard queries — ").append(LocalDate.now(ZoneOffset.UTC)).append("\n\n");
		out.append("Machine: ")
			.append(System.getProperty("bench.cpu", "see lscpu"))
			.append(", ")
			.append(runtime.availableProcessors())
			.append(" cores visible to the JVM, Java ")
			.append(System.getProperty("java.version"))
			.append(", max heap ")
			.append(runtime.maxMemory() / (1024 * 1024))
			.append(" MiB.\n");
		out.append("Data: ")
			.append(SCHOOLS * SCREENS_PER_SCHOOL)
			.append(" screens in ")
			.append(SCHOOLS)
			.append(" schools (2 regions), 10% offline, 10% stale, ")
			.append(SCHOOLS * POSTINGS_PER_SCHOOL)
			.append(" postings each on its school's 100 screens (50,000 index rows); H2 in memory with the")
			.append(" real schema (Flyway). Single thread inside Maven's JVM (exec:java); ")
			.append(rounds)
			.append(" runs after 5 warm-up runs. A push round runs each distinct query once per second at most.\n\n");
		out.append("| query | runs | median | p95 | max |\n|---|---|---|---|---|\n");
		rows.forEach((row) -> out.append(row).append('\n'));
		return out.toString();
	}

	private static void seed(JdbcTemplate jdbc) {
		OffsetDateTime at = NOW.atOffset(ZoneOffset.UTC);
		String sha = "a".repeat(64);
		jdbc.update("insert into region (id, name) values ('r-even', '偶数区'), ('r-odd', '奇数区')");
		jdbc.update("insert into content_blob (sha256, media_type, bytes, created_at) values (?, ?, ?, ?)", sha,
				"application/json", new byte[] { 1 }, at);
		List<Object[]> schools = new ArrayList<>();
		List<Object[]> postings = new ArrayList<>();
		List<Object[]> devices = new ArrayList<>();
		List<Object[]> states = new ArrayList<>();
		List<Object[]> manifests = new ArrayList<>();
		List<Object[]> indexed = new ArrayList<>();
		for (int s = 0; s < SCHOOLS; s++) {
			String school = String.format("s-%03d", s);
			schools.add(new Object[] { school, (s % 2 == 0) ? "r-even" : "r-odd", String.format("学校%03d", s) });
			for (int p = 0; p < POSTINGS_PER_SCHOOL; p++) {
				postings.add(new Object[] { "p-" + school + "-" + p, school, "公示 " + p, at, at.plusDays(10), at, at });
			}
			for (int d = 0; d < SCREENS_PER_SCHOOL; d++) {
				String id = String.format("d-%03d-%03d", s, d);
				devices.add(new Object[] { id, school, "屏" + d, at });
				int kind = d % 10;
				long applied = (kind == 1) ? 1 : 2;
				states.add(new Object[] { id, kind != 0, at.minusSeconds(d), applied, "p-" + school + "-0",
						1_000_000_000L + d });
				manifests.add(new Object[] { id, at.minusSeconds((kind == 1) ? 120 : 3600) });
				for (int p = 0; p < POSTINGS_PER_SCHOOL; p++) {
					indexed.add(new Object[] { id, "p-" + school + "-" + p, (p == 0) ? 1L : 2L, at.minusSeconds(p) });
				}
			}
		}
		jdbc.batchUpdate("insert into school (id, region_id, name, time_zone) values (?, ?, ?, 'Asia/Shanghai')",
				schools);
		jdbc.batchUpdate(
				"insert into posting (id, school_id, kind, title, body, publicity_start, publicity_end, status,"
						+ " content_sha256, created_at, updated_at) values (?, ?, 'notice', ?, '', ?, ?, 'APPROVED', '"
						+ sha + "', ?, ?)",
				postings);
		jdbc.batchUpdate("insert into device (id, school_id, name, profile, secret_sha256, active, created_at)"
				+ " values (?, ?, ?, 'landscape', '" + "c".repeat(64) + "', true, ?)", devices);
		jdbc.batchUpdate("insert into device_state (device_id, online, session_epoch, heartbeat_at,"
				+ " applied_manifest_version, now_playing, journal_depth, disk_free_bytes)"
				+ " values (?, ?, 1, ?, ?, ?, 0, ?)", states);
		jdbc.batchUpdate("insert into device_manifest (device_id, version, content_hash, payload, published_at)"
				+ " values (?, 2, '" + "b".repeat(64) + "', '{}', ?)", manifests);
		jdbc.batchUpdate("insert into dashboard_manifest_posting (device_id, posting_id, since_version, since_at)"
				+ " values (?, ?, ?, ?)", indexed);
	}

}
