package io.sunboard.server.annualreport;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.sunboard.server.school.School;
import io.sunboard.server.system.Jdbc;

/**
 * Proof-of-play totals of a year from the rollups, never from raw events: those are
 * purged after the retention period, so a report run late in the year (or of an earlier
 * year) would undercount. Whole UTC days come from the daily rollup; a school's year
 * starts at local midnight, so the part-days at each end come from the hourly rollup,
 * whose rows on the UTC days around New Year the retention purge keeps for this. The
 * rollups are written in the transaction that stores the events, so nothing stored is
 * ever missing from them and no raw events need adding.
 */
@Component
class AnnualFigures {

	// joined on device so each branch reads the (device_id, day or hour) index of the
	// schools' screens instead of all of the rollup (an IN subquery made H2 scan it)
	private static final String ROWS_OF_SCHOOLS = " from device d join %s p on p.device_id = d.id"
			+ " where d.school_id in (:schools) and p.%s >= :%s and p.%s < :%s";

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
		Instant dayFrom = from.truncatedTo(ChronoUnit.DAYS);
		if (dayFrom.isBefore(from)) {
			dayFrom = dayFrom.plus(1, ChronoUnit.DAYS);
		}
		Instant dayTo = to.truncatedTo(ChronoUnit.DAYS);
		// a played-summary was rolled up as the showings it folded
		return this.jdbc
			.sql("select x.school_id, count(distinct x.device_id) as screens, coalesce(sum(x.plays), 0) as plays,"
					+ " coalesce(sum(x.duration_ms), 0) as total_ms from ("
					+ " select d.school_id, p.device_id, p.plays, p.duration_ms"
					+ rows("play_hourly", "hour_start", "from", "dayFrom")
					+ " union all select d.school_id, p.device_id, p.plays, p.duration_ms"
					+ rows("play_hourly", "hour_start", "dayTo", "to")
					+ " union all select d.school_id, p.device_id, p.plays, p.duration_ms"
					+ rows("play_daily", "day_start", "dayFrom", "dayTo") + ") x group by x.school_id")
			.param("schools", schoolIds)
			.param("from", Jdbc.utc(from))
			.param("to", Jdbc.utc(to))
			.param("dayFrom", Jdbc.utc(dayFrom))
			.param("dayTo", Jdbc.utc(dayTo))
			.query((rs, row) -> new PlayTotals(rs.getLong("screens"), rs.getLong("plays"),
					rs.getLong("total_ms") / 1000))
			.list();
	}

	private static String rows(String table, String column, String from, String to) {
		return ROWS_OF_SCHOOLS.formatted(table, column, from, column, to);
	}

	record PlayTotals(long screens, long plays, long seconds) {

	}

}
