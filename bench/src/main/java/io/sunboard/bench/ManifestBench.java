package io.sunboard.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.sunboard.protocol.JsonCodec;
import io.sunboard.protocol.Manifest;
import io.sunboard.protocol.ManifestItem;
import io.sunboard.protocol.ManifestWriter;
import io.sunboard.server.dispatch.ManifestBuilder;
import io.sunboard.server.dispatch.SchoolPlan;
import io.sunboard.server.posting.Posting;
import io.sunboard.server.posting.PostingStatus;
import io.sunboard.server.schedule.ScheduleEntry;
import io.sunboard.server.schedule.ScheduleSettings;
import io.sunboard.server.schedule.TargetType;
import io.sunboard.server.school.School;

/**
 * Recomputes manifests for 10,000 screens and 1,000 live postings with the server's pure
 * builder (expansion, per-screen items, content hash, and encoding of the manifests that
 * changed), without the database or the broker. Prints a table and appends it to
 * {@code docs/benchmarks.md}.
 * <p>
 * Run: {@code ./mvnw -B -q install -DskipTests && ./mvnw -B -q -pl bench exec:java}
 */
public final class ManifestBench {

	static final int SCHOOLS = 100;

	static final int SCREENS_PER_SCHOOL = 100;

	static final int POSTINGS_PER_SCHOOL = 10;

	static final int REGIONS = 10;

	private static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");

	private static final String SHA = "d".repeat(64);

	private final ManifestBuilder builder = new ManifestBuilder(new JsonCodec(),
			new ScheduleSettings(Duration.ofDays(7), "staff-only"));

	private final JsonCodec codec = new JsonCodec();

	private final List<School> schools = new ArrayList<>();

	private final Map<String, List<ScheduleEntry>> entriesBySchool = new HashMap<>();

	private final Map<String, Posting> postings = new HashMap<>();

	private final Map<String, Map<String, Set<String>>> tagsBySchool = new HashMap<>();

	/** Encodes each screen's items anew, for the comparison with the code before. */
	private boolean writerPerScreen;

	/** The "published" hashes, as the device_manifest table holds them. */
	private final Map<String, String> published = new HashMap<>();

	public static void main(String[] args) throws IOException {
		ManifestBench bench = new ManifestBench();
		bench.seed();
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 15;
		long first = bench.timeNanos(bench::fullRecompute);
		long[] full = bench.repeat(rounds, bench::fullRecompute);
		long[] fullChanged = bench.repeat(rounds, () -> {
			bench.published.clear();
			return bench.fullRecompute();
		});
		// as the dispatcher did before 2026-12-04: the items encoded again for every
		// screen's hash and payload
		bench.writerPerScreen = true;
		long[] fullChangedPerScreen = bench.repeat(rounds, () -> {
			bench.published.clear();
			return bench.fullRecompute();
		});
		bench.writerPerScreen = false;
		String school = bench.schools.get(42).id();
		long[] oneSchool = bench.repeat(rounds * 20, () -> bench.recomputeSchool(school));
		long[] oneSchoolChanged = bench.repeat(rounds * 20, () -> {
			bench.published.keySet().removeIf((d) -> d.startsWith(school + "-"));
			return bench.recomputeSchool(school);
		});
		String table = bench.table(first, full, fullChanged, fullChangedPerScreen, oneSchool, oneSchoolChanged);
		System.out.println(table);
		Path doc = Path.of("docs/benchmarks.md");
		if (!Files.exists(doc)) {
			Files.writeString(doc, "# Benchmarks\n\nFigures appended by the harnesses in `bench/`; newest last.\n",
					StandardCharsets.UTF_8);
		}
		Files.writeString(doc, table, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
		System.out.println("Appended to " + doc.toAbsolutePath());
	}

	private void seed() {
		List<ZoneId> zones = List.of(ZoneId.of("Asia/Shanghai"), ZoneId.of("Asia/Shanghai"), ZoneId.of("Asia/Taipei"),
				ZoneId.of("Europe/Berlin"), ZoneId.of("America/New_York"));
		int postingNumber = 0;
		for (int s = 0; s < SCHOOLS; s++) {
			School school = new School("school" + s, "region" + (s % REGIONS), "学校 " + s, zones.get(s % zones.size()));
			this.schools.add(school);
			Map<String, Set<String>> tags = new HashMap<>();
			for (int d = 0; d < SCREENS_PER_SCHOOL; d++) {
				if (d % 5 == 0) {
					tags.put(deviceId(school, d), Set.of("lobby"));
				}
			}
			this.tagsBySchool.put(school.id(), tags);
			for (int p = 0; p < POSTINGS_PER_SCHOOL; p++) {
				String id = "p" + (postingNumber++);
				this.postings.put(id, new Posting(id, school.id(), "general", "公示 " + id, "正文",
						NOW.minus(Duration.ofDays(3)), NOW.plus(Duration.ofDays(30 + p)), PostingStatus.APPROVED, SHA));
				ScheduleEntry entry = entry(id, school, p);
				if (entry.targetType() == TargetType.REGION) {
					// region-wide: every school of the region gets it
					for (int other = s % REGIONS; other < SCHOOLS; other += REGIONS) {
						this.entriesBySchool.computeIfAbsent("school" + other, (k) -> new ArrayList<>()).add(entry);
					}
				}
				else {
					this.entriesBySchool.computeIfAbsent(school.id(), (k) -> new ArrayList<>()).add(entry);
				}
			}
		}
	}

	/** A mix: all day, school hours on weekdays, an RRULE, a tag group, a region. */
	private static ScheduleEntry entry(String postingId, School school, int p) {
		Instant starts = NOW.minus(Duration.ofDays(1));
		Instant ends = NOW.plus(Duration.ofDays(20));
		Set<DayOfWeek> weekdays = Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
				DayOfWeek.FRIDAY);
		return switch (p % 5) {
			case 0 -> ScheduleEntry.wholeSchool("e-" + postingId, postingId, school.id(), starts, ends, 15, p % 3);
			case 1 -> new ScheduleEntry("e-" + postingId, postingId, school.id(), TargetType.SCHOOL, school.id(),
					starts, ends, LocalTime.of(7, 0), LocalTime.of(18, 0), weekdays, null, Set.of(), 15, 0, p);
			case 2 -> new ScheduleEntry("e-" + postingId, postingId, school.id(), TargetType.SCHOOL, school.id(),
					starts, ends, LocalTime.of(8, 0), LocalTime.of(8, 10), Set.of(), "FREQ=WEEKLY;BYDAY=MO,WE,FR",
					Set.of(), 10, 1, p);
			case 3 -> new ScheduleEntry("e-" + postingId, postingId, school.id(), TargetType.GROUP, "lobby", starts,
					ends, LocalTime.of(12, 0), LocalTime.of(13, 30), weekdays, null, Set.of(), 20, 0, p);
			default -> (p == 4 && Integer.parseInt(school.id().substring(6)) < REGIONS)
					? new ScheduleEntry("e-" + postingId, postingId, school.id(), TargetType.REGION, school.regionId(),
							starts, ends, null, null, Set.of(), null, Set.of(), 15, 2, 0)
					: ScheduleEntry.wholeSchool("e-" + postingId, postingId, school.id(), starts, ends, 12, 0);
		};
	}

	/**
	 * Returns how many manifests changed (and were encoded as they would be published).
	 */
	private int fullRecompute() {
		int changed = 0;
		for (School school : this.schools) {
			changed += recomputeSchool(school.id());
		}
		return changed;
	}

	private int recomputeSchool(String schoolId) {
		School school = this.schools.get(Integer.parseInt(schoolId.substring("school".length())));
		SchoolPlan plan = this.builder.plan(school, this.entriesBySchool.getOrDefault(schoolId, List.of()),
				this.postings, NOW);
		Map<String, Set<String>> tags = this.tagsBySchool.get(schoolId);
		int changed = 0;
		// as ManifestDispatcher does: one writer a school
		ManifestWriter writer = new ManifestWriter(this.codec);
		for (int d = 0; d < SCREENS_PER_SCHOOL; d++) {
			String deviceId = deviceId(school, d);
			List<ManifestItem> items = this.builder.items(plan, deviceId, tags.getOrDefault(deviceId, Set.of()));
			String hash = this.writerPerScreen ? this.builder.contentHash(deviceId, school, items)
					: this.builder.contentHash(deviceId, school, items, writer);
			if (!hash.equals(this.published.put(deviceId, hash))) {
				Manifest manifest = new Manifest(Manifest.SCHEMA, deviceId, school.id(), school.name(), 1, hash, NOW,
						items);
				byte[] payload = this.writerPerScreen ? this.codec.encode(manifest) : writer.encode(manifest);
				changed += (payload.length > 0) ? 1 : 0;
			}
		}
		return changed;
	}

	private static String deviceId(School school, int d) {
		return school.id() + "-screen" + d;
	}

	private long timeNanos(java.util.function.IntSupplier work) {
		long start = System.nanoTime();
		work.getAsInt();
		return System.nanoTime() - start;
	}

	private long[] repeat(int rounds, java.util.function.IntSupplier work) {
		for (int i = 0; i < Math.max(3, rounds / 3); i++) {
			work.getAsInt();
		}
		long[] times = new long[rounds];
		for (int i = 0; i < rounds; i++) {
			times[i] = timeNanos(work);
		}
		Arrays.sort(times);
		return times;
	}

	private String table(long first, long[] full, long[] fullChanged, long[] fullChangedPerScreen, long[] one,
			long[] oneChanged) {
		StringBuilder out = new StringBuilder();
		out.append("\n## Manifest recompute — ")
			.append(Clock.systemUTC().instant().atOffset(ZoneOffset.UTC).toLocalDate())
			.append("\n\n")
			.append("Machine: ")
			.append(Report.jvmMachine())
			.append(".\n")
			.append("Data: ")
			.append(SCHOOLS * SCREENS_PER_SCHOOL)
			.append(" screens in ")
			.append(SCHOOLS)
			.append(" schools (")
			.append(REGIONS)
			.append(" regions, 5 zones incl. DST ones), ")
			.append(this.postings.size())
			.append(" live postings, one entry each (all day, weekday dayparts, a weekly RRULE, a tag group,"
					+ " region-wide), 7-day horizon. Pure builder classes only: no database reads or writes,"
					+ " no MQTT publish; manifests that changed are encoded to JSON as for publishing."
					+ " Single thread, inside Maven's JVM (exec:java), default flags; median after warm-up runs.\n\n")
			.append("| scenario | runs | median | max | aim |\n|---|---|---|---|---|\n");
		out.append(String.format("| full recompute, cold JVM, every manifest new | 1 | %s | %s | |%n", ms(first),
				ms(first)));
		row(out, "full recompute, nothing changed (roll-forward)", full, "< 1 s");
		row(out, "full recompute, every manifest changed and encoded", fullChanged, "< 1 s");
		row(out, "the same, each screen's items encoded anew (the dispatcher before 2026-12-04)", fullChangedPerScreen,
				"");
		row(out, "one school (100 screens), nothing changed", one, "< 10 ms");
		row(out, "one school (100 screens), every manifest changed and encoded", oneChanged, "< 10 ms");
		return out.toString();
	}

	private static void row(StringBuilder out, String name, long[] sorted, String aim) {
		out.append(String.format("| %s | %d | %s | %s | %s |%n", name, sorted.length, ms(sorted[sorted.length / 2]),
				ms(sorted[sorted.length - 1]), aim));
	}

	private static String ms(long nanos) {
		return String.format("%.2f ms", nanos / 1_000_000.0);
	}

}
