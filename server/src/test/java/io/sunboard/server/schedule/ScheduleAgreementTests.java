package io.sunboard.server.schedule;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import io.sunboard.protocol.JsonCodec;
import io.sunboard.protocol.Manifest;
import io.sunboard.protocol.ManifestItem;
import io.sunboard.protocol.Playback;
import io.sunboard.protocol.TimeWindow;
import io.sunboard.server.dispatch.ManifestBuilder;
import io.sunboard.server.posting.Posting;
import io.sunboard.server.posting.PostingStatus;
import io.sunboard.server.school.School;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For generated schedules, zones and instants, the server's reading of the rule
 * (directly, in local time) and the kiosk's reading of the manifest it is sent (its
 * windows, through {@link Playback}) agree on whether the posting shows.
 */
class ScheduleAgreementTests {

	private static final String SHA = "b".repeat(64);

	private static final List<ZoneId> ZONES = List.of(ZoneId.of("Asia/Shanghai"), ZoneId.of("Europe/Berlin"),
			ZoneId.of("America/New_York"), ZoneId.of("Australia/Lord_Howe"), ZoneId.of("UTC"));

	/**
	 * Days where calendars and clocks are awkward: DST changes, month ends, leap days.
	 */
	private static final List<LocalDate> AWKWARD_DAYS = List.of(LocalDate.of(2024, 2, 28), LocalDate.of(2024, 2, 29),
			LocalDate.of(2024, 3, 10), LocalDate.of(2024, 3, 31), LocalDate.of(2024, 4, 7), LocalDate.of(2024, 10, 6),
			LocalDate.of(2024, 10, 27), LocalDate.of(2024, 11, 3), LocalDate.of(2024, 12, 31),
			LocalDate.of(2025, 1, 31), LocalDate.of(2026, 3, 8), LocalDate.of(2026, 3, 29), LocalDate.of(2026, 10, 25),
			LocalDate.of(2026, 11, 1), LocalDate.of(2028, 2, 29), LocalDate.of(2026, 4, 30));

	private static final List<String> RRULES = List.of("FREQ=DAILY;INTERVAL=2", "FREQ=WEEKLY;BYDAY=MO,WE,FR",
			"FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH,SU", "FREQ=MONTHLY;BYMONTHDAY=1,15,-1", "FREQ=MONTHLY;BYMONTHDAY=29",
			"FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", "FREQ=DAILY;COUNT=5", "FREQ=MONTHLY;BYDAY=-1FR",
			"FREQ=DAILY;UNTIL=20261101", "FREQ=WEEKLY;BYDAY=SA,SU");

	private final ManifestBuilder builder = new ManifestBuilder(new JsonCodec(),
			new ScheduleSettings(Duration.ofDays(7), "staff-only"));

	@Property(tries = 3000, edgeCases = EdgeCasesMode.NONE)
	void serverRuleAndKioskWindowsAgree(@ForAll("cases") Case c) {
		School school = new School("s1", "r1", "学校", c.zone());
		Posting posting = new Posting("p1", "s1", "general", "公示", "正文", c.publicityStart(), c.publicityEnd(),
				PostingStatus.APPROVED, SHA);
		ScheduleRule r = c.rule();
		ScheduleEntry entry = new ScheduleEntry("e1", "p1", "s1", TargetType.SCHOOL, "s1", r.startsAt(), r.endsAt(),
				r.dailyStart(), r.dailyEnd(), r.weekdays(), r.rrule(), r.exceptDates(), 10, 0, 0);
		List<ManifestItem> items = this.builder
			.items(this.builder.plan(school, List.of(entry), Map.of("p1", posting), c.now()), "d1", Set.of());
		Manifest manifest = new Manifest(Manifest.SCHEMA, "d1", "s1", "学校", 1, SHA, c.now(), items);

		List<Instant> probes = new ArrayList<>(List.of(c.now(), c.now().plusSeconds(c.offsetSeconds())));
		for (ManifestItem item : items) {
			for (TimeWindow w : item.windows()) {
				probes.addAll(List.of(w.start(), w.start().minusSeconds(1), w.end(), w.end().minusSeconds(1)));
			}
		}
		Instant horizonEnd = c.now().plus(Duration.ofDays(7));
		for (Instant t : probes) {
			if (t.isBefore(c.now()) || t.isAfter(horizonEnd)) {
				continue;
			}
			boolean direct = DirectEvaluation.covers(r, c.zone(), c.publicityStart(), c.publicityEnd(), t);
			boolean kiosk = !Playback.eligible(manifest, t).isEmpty();
			assertThat(kiosk).as("at %s (%s) for %s", t, t.atZone(c.zone()), c).isEqualTo(direct);
		}
	}

	@Provide
	Arbitrary<Case> cases() {
		Arbitrary<ZoneId> zones = Arbitraries.of(ZONES);
		Arbitrary<LocalDate> days = Arbitraries.oneOf(Arbitraries.of(AWKWARD_DAYS),
				Arbitraries.integers().between(0, 3000).map((n) -> LocalDate.of(2024, 1, 1).plusDays(n)));
		Arbitrary<Integer> minutes = Arbitraries.oneOf(Arbitraries.integers().between(0, 24 * 4 - 1).map((q) -> q * 15),
				Arbitraries.integers().between(0, 1439));
		Arbitrary<LocalTime> times = minutes.map((m) -> LocalTime.of(m / 60, m % 60));
		Arbitrary<Tuple.Tuple2<LocalTime, LocalTime>> dayparts = Combinators.combine(times, times)
			.as(Tuple::of)
			.filter((p) -> !p.get1().equals(p.get2()))
			.injectNull(0.25);
		Arbitrary<Set<DayOfWeek>> weekdays = Arbitraries.of(DayOfWeek.class).set().ofMaxSize(5);
		Arbitrary<String> rrules = Arbitraries.of(RRULES).injectNull(0.5);
		Arbitrary<Integer> startBack = Arbitraries.integers().between(0, 20 * 24 * 3600);
		Arbitrary<Integer> length = Arbitraries.integers().between(3600, 30 * 24 * 3600);
		Arbitrary<Integer> publicityBack = Arbitraries.integers().between(-3 * 24 * 3600, 20 * 24 * 3600);
		Arbitrary<Integer> publicityLength = Arbitraries.integers().between(3600, 40 * 24 * 3600);
		Arbitrary<Set<Integer>> exceptOffsets = Arbitraries.integers().between(-2, 9).set().ofMaxSize(3);
		Arbitrary<Integer> probeOffset = Arbitraries.integers().between(0, 7 * 24 * 3600);
		return Combinators.combine(List.of(zones.asGeneric(), days.asGeneric(), times.asGeneric(), dayparts.asGeneric(),
				weekdays.asGeneric(), rrules.asGeneric(), startBack.asGeneric(), length.asGeneric(),
				publicityBack.asGeneric(), publicityLength.asGeneric(), exceptOffsets.asGeneric(),
				probeOffset.asGeneric()))
			.as((v) -> toCase(v));
	}

	@SuppressWarnings("unchecked")
	private static Case toCase(List<Object> v) {
		ZoneId zone = (ZoneId) v.get(0);
		LocalDate day = (LocalDate) v.get(1);
		Instant now = day.atTime((LocalTime) v.get(2)).atZone(zone).toInstant();
		Tuple.Tuple2<LocalTime, LocalTime> daypart = (Tuple.Tuple2<LocalTime, LocalTime>) v.get(3);
		Instant startsAt = now.minusSeconds((Integer) v.get(6));
		Instant endsAt = startsAt.plusSeconds((Integer) v.get(7));
		Set<LocalDate> except = new java.util.HashSet<>();
		for (int offset : (Set<Integer>) v.get(10)) {
			except.add(day.plusDays(offset));
		}
		ScheduleRule rule = new ScheduleRule(startsAt, endsAt, (daypart != null) ? daypart.get1() : null,
				(daypart != null) ? daypart.get2() : null, (Set<DayOfWeek>) v.get(4), (String) v.get(5), except);
		Instant publicityStart = now.minusSeconds((Integer) v.get(8));
		return new Case(zone, now, rule, publicityStart, publicityStart.plusSeconds((Integer) v.get(9)),
				(Integer) v.get(11));
	}

	record Case(ZoneId zone, Instant now, ScheduleRule rule, Instant publicityStart, Instant publicityEnd,
			int offsetSeconds) {
	}

}
