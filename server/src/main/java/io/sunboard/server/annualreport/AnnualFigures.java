package io.sunboard.server.annualreport;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.sunboard.server.school.School;
import io.sunboard.server.system.Jdbc;

/**
 * Proof-of-play totals of a year straight from the screens' events (plain SQL on
 * {@code device_event}; to move to the hourly/daily rollups once they exist).
 */
@Component
class AnnualFigures {

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
			PlayTotals t = this.jdbc
				// a played-summary counts as the showings it folded
				.sql("select count(distinct e.device_id) as screens,"
						+ " coalesce(sum(case when e.type = 'PLAYED_SUMMARY' then e.play_count else 1 end), 0) as plays,"
						+ " coalesce(sum(e.duration_ms), 0) as total_ms"
						+ " from device_event e join device d on d.id = e.device_id"
						+ " where e.type in ('PLAYED', 'PLAYED_SUMMARY') and d.school_id = ?"
						+ " and e.occurred_at >= ? and e.occurred_at < ?")
				.params(school.id(), Jdbc.utc(from), Jdbc.utc(to))
				.query((rs, row) -> new PlayTotals(rs.getLong("screens"), rs.getLong("plays"),
						rs.getLong("total_ms") / 1000))
				.single();
			screens += t.screens();
			plays += t.plays();
			seconds += t.seconds();
		}
		return new PlayTotals(screens, plays, seconds);
	}

	record PlayTotals(long screens, long plays, long seconds) {

	}

}
