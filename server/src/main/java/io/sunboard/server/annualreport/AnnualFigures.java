package io.sunboard.server.annualreport;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.sunboard.server.report.RollupSpan;
import io.sunboard.server.school.School;
import io.sunboard.server.system.Jdbc;

/**
 * Proof-of-play totals of a year from the rollups, never from raw events: those are
 * purged after the retention period, so a report run late in the year (or of an earlier
 * year) would undercount. Whole UTC months come from the monthly rollup and whole days
 * from the daily one; a school's year starts at local midnight, so the part-days at each
 * end come from the hourly rollup, whose rows on the UTC days around New Year the
 * retention purge keeps for this. Each branch is joined from the schools' screens, so it
 * reads the (device, bucket) index and not all of the rollup. The rollups are written in
 * the transaction that stores the events, so nothing stored is ever missing from them and
 * no raw events need adding.
 */
@Component
class AnnualFigures {

	private final JdbcClient jdbc;

	AnnualFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Screens that showed something, showings, and seconds shown during the year. */
	PlayTotals plays(List<School> schools, int year) {
		// one query for all the schools whose year has the same bounds (one per time
		// zone)
		Map<ZoneId, List<String>> byZone = new LinkedHashMap<>();
		schools.forEach((s) -> byZone.computeIfAbsent(s.timeZone(), (z) -> new ArrayList<>()).add(s.id()));
		long screens = 0;
		long plays = 0;
		long seconds = 0;
		for (Map.Entry<ZoneId, List<String>> zone : byZone.entrySet()) {
			Instant from = LocalDate.of(year, 1, 1).atStartOfDay(zone.getKey()).toInstant();
			Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(zone.getKey()).toInstant();
			for (PlayTotals t : totalsBySchool(zone.getValue(), from, to)) {
				screens += t.screens();
				plays += t.plays();
				// seconds are truncated per school, as the report always has
				seconds += t.seconds();
			}
		}
		return new PlayTotals(screens, plays, seconds);
	}

	private List<PlayTotals> totalsBySchool(List<String> schoolIds, Instant from, Instant to) {
		List<RollupSpan> spans = RollupSpan.of("play", from, to);
		// a played-summary was rolled up as the showings it folded; each span sums its
		// own rows, so the union holds a row per screen and span
		String union = RollupSpan.unionOfSchools(spans, "device_id",
				"sum(r.plays) as plays, sum(r.duration_ms) as duration_ms");
		return RollupSpan
			.bind(this.jdbc.sql("select x.school_id, count(distinct x.device_id) as screens,"
					+ " coalesce(sum(x.plays), 0) as plays, coalesce(sum(x.duration_ms), 0) as total_ms from (" + union
					+ ") x group by x.school_id"), spans)
			.param("schools", schoolIds)
			.query((rs, row) -> new PlayTotals(rs.getLong("screens"), rs.getLong("plays"),
					rs.getLong("total_ms") / 1000))
			.list();
	}

	record PlayTotals(long screens, long plays, long seconds) {

	}

}
