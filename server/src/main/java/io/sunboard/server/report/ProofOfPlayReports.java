package io.sunboard.server.report;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.sunboard.server.system.Jdbc;

/**
 * Proof-of-play reports read from the rollups, never from raw events: whole UTC days of
 * the range from the daily rollup, the partial days at its ends from the hourly one.
 */
@Service
public class ProofOfPlayReports {

	private final JdbcClient jdbc;

	private final GapFinder gaps;

	ProofOfPlayReports(JdbcClient jdbc, GapFinder gaps) {
		this.jdbc = jdbc;
		this.gaps = gaps;
	}

	public ProofOfPlayReport report(ReportQuery query) {
		List<ProofOfPlayReport.Row> rows = rows(query);
		List<ProofOfPlayReport.Gap> gaps = this.gaps.find(query, rows);
		ProofOfPlayReport.Totals totals = new ProofOfPlayReport.Totals(
				(int) rows.stream().map(ProofOfPlayReport.Row::deviceId).distinct().count(),
				(int) rows.stream().map(ProofOfPlayReport.Row::postingId).distinct().count(),
				rows.stream().mapToLong(ProofOfPlayReport.Row::plays).sum(),
				rows.stream().mapToLong(ProofOfPlayReport.Row::durationMs).sum(),
				rows.stream()
					.map(ProofOfPlayReport.Row::firstShown)
					.filter(Objects::nonNull)
					.min(Comparator.naturalOrder())
					.orElse(null),
				rows.stream()
					.map(ProofOfPlayReport.Row::lastShown)
					.filter(Objects::nonNull)
					.max(Comparator.naturalOrder())
					.orElse(null));
		return new ProofOfPlayReport(query.subject(), query.id(), query.from(), query.to(), totals, rows, gaps);
	}

	private List<ProofOfPlayReport.Row> rows(ReportQuery query) {
		Instant dayFrom = query.from().truncatedTo(ChronoUnit.DAYS);
		if (dayFrom.isBefore(query.from())) {
			dayFrom = dayFrom.plus(1, ChronoUnit.DAYS);
		}
		Instant dayTo = query.to().truncatedTo(ChronoUnit.DAYS);
		if (!dayFrom.isBefore(dayTo)) {
			// no whole day inside: the hourly rollup covers all of it
			dayFrom = query.to();
			dayTo = query.to();
		}
		String hourly = ReportFilter.condition(query.subject(), "");
		String sql = "select x.posting_id, p.title, x.device_id, d.name, d.school_id, sum(x.plays) as plays,"
				+ " sum(x.duration_ms) as duration_ms, min(x.first_at) as first_at, max(x.last_at) as last_at from ("
				+ " select posting_id, device_id, plays, duration_ms, first_at, last_at from play_hourly"
				+ " where hour_start >= :from and hour_start < :dayFrom and " + hourly
				+ " union all select posting_id, device_id, plays, duration_ms, first_at, last_at from play_hourly"
				+ " where hour_start >= :dayTo and hour_start < :to and " + hourly
				+ " union all select posting_id, device_id, plays, duration_ms, first_at, last_at from play_daily"
				+ " where day_start >= :dayFrom and day_start < :dayTo and " + hourly + ") x"
				+ " join device d on d.id = x.device_id join posting p on p.id = x.posting_id"
				+ " group by x.posting_id, p.title, x.device_id, d.name, d.school_id"
				+ " order by x.posting_id, x.device_id";
		return this.jdbc.sql(sql)
			.param("from", Jdbc.utc(query.from()))
			.param("to", Jdbc.utc(query.to()))
			.param("dayFrom", Jdbc.utc(dayFrom))
			.param("dayTo", Jdbc.utc(dayTo))
			.param("subject", query.id())
			.query((rs, n) -> new ProofOfPlayReport.Row(rs.getString("posting_id"), rs.getString("title"),
					rs.getString("device_id"), rs.getString("name"), rs.getString("school_id"), rs.getLong("plays"),
					rs.getLong("duration_ms"), Jdbc.instant(rs, "first_at"), Jdbc.instant(rs, "last_at")))
			.list();
	}

}
