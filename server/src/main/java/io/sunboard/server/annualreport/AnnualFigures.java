package io.sunboard.server.annualreport;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

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

	private static final String ROWS_OF_SCHOOL = " and device_id in (select id from device where school_id = :school)";

	private final JdbcClient jdbc;

	AnnualFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Screens that showed something, showings, and seconds shown during the year. */
	PlayTotals plays(List<School> schools, int year) {
		long screens = 0;
		long plays = 0;
		long seconds = 0;
		for (School school : schools) {
			Instant from = LocalDate.of(year, 1, 1).atStartOfDay(school.timeZone()).toInstant();
			Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(school.timeZone()).toInstant();
			PlayTotals t = totals(school.id(), from, to);
			screens += t.screens();
			plays += t.plays();
			seconds += t.seconds();
		}
		return new PlayTotals(screens, plays, seconds);
	}

	private PlayTotals totals(String schoolId, Instant from, Instant to) {
		Instant dayFrom = from.truncatedTo(ChronoUnit.DAYS);
		if (dayFrom.isBefore(from)) {
			dayFrom = dayFrom.plus(1, ChronoUnit.DAYS);
		}
		Instant dayTo = to.truncatedTo(ChronoUnit.DAYS);
		// a played-summary was rolled up as the showings it folded
		return this.jdbc
			.sql("select count(distinct x.device_id) as screens, coalesce(sum(x.plays), 0) as plays,"
					+ " coalesce(sum(x.duration_ms), 0) as total_ms from ("
					+ " select device_id, plays, duration_ms from play_hourly"
					+ " where hour_start >= :from and hour_start < :dayFrom" + ROWS_OF_SCHOOL
					+ " union all select device_id, plays, duration_ms from play_hourly"
					+ " where hour_start >= :dayTo and hour_start < :to" + ROWS_OF_SCHOOL
					+ " union all select device_id, plays, duration_ms from play_daily"
					+ " where day_start >= :dayFrom and day_start < :dayTo" + ROWS_OF_SCHOOL + ") x")
			.param("school", schoolId)
			.param("from", Jdbc.utc(from))
			.param("to", Jdbc.utc(to))
			.param("dayFrom", Jdbc.utc(dayFrom))
			.param("dayTo", Jdbc.utc(dayTo))
			.query((rs, row) -> new PlayTotals(rs.getLong("screens"), rs.getLong("plays"),
					rs.getLong("total_ms") / 1000))
			.single();
	}

	record PlayTotals(long screens, long plays, long seconds) {

	}

}
