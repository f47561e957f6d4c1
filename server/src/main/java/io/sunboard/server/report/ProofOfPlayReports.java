package io.sunboard.server.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.sunboard.server.system.Jdbc;

/**
 * Proof-of-play reports read from the rollups, never from raw events: whole UTC months of
 * the range from the monthly rollup, whole days from the daily one, the partial days at
 * its ends from the hourly one ({@link RollupSpan}).
 */
@Service
public class ProofOfPlayReports {

	private final JdbcClient jdbc;

	private final GapFinder gaps;

	private final ReportNames names;

	ProofOfPlayReports(JdbcClient jdbc, GapFinder gaps, ReportNames names) {
		this.jdbc = jdbc;
		this.gaps = gaps;
		this.names = names;
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
		List<RollupSpan> spans = RollupSpan.of("play", query.from(), query.to());
		String union = RollupSpan.union(spans,
				// each branch sums its own rows: a union of the raw rows (150,000
				// for a region's edge month) spilled to a temporary file first
				(span) -> "select r.posting_id, r.device_id, sum(r.plays) as plays, sum(r.duration_ms) as duration_ms,"
						+ " min(r.first_at) as first_at, max(r.last_at) as last_at"
						+ ReportFilter.rows(query.subject(), span.table(), "r") + " and " + span.condition("r")
						+ " group by r.posting_id, r.device_id");
		// the names come afterwards (ReportNames)
		List<Sum> sums = RollupSpan
			.bind(this.jdbc.sql("select x.posting_id, x.device_id, sum(x.plays) as plays,"
					+ " sum(x.duration_ms) as duration_ms, min(x.first_at) as first_at, max(x.last_at) as last_at"
					+ " from (" + union + ") x group by x.posting_id, x.device_id order by x.posting_id, x.device_id"),
					spans)
			.param("subject", query.id())
			.query((rs, n) -> new Sum(rs.getString("posting_id"), rs.getString("device_id"), rs.getLong("plays"),
					rs.getLong("duration_ms"), Jdbc.instant(rs, "first_at"), Jdbc.instant(rs, "last_at")))
			.list();
		Map<String, String> titles = this.names.titles(sums.stream().map(Sum::postingId).collect(Collectors.toSet()));
		Map<String, ReportNames.Screen> screens = this.names
			.screens(sums.stream().map(Sum::deviceId).collect(Collectors.toSet()));
		List<ProofOfPlayReport.Row> rows = new ArrayList<>(sums.size());
		for (Sum sum : sums) {
			ReportNames.Screen screen = screens.get(sum.deviceId());
			String title = titles.get(sum.postingId());
			if (screen == null || title == null) {
				// deleted since: the rollups keep no foreign keys
				continue;
			}
			rows.add(new ProofOfPlayReport.Row(sum.postingId(), title, sum.deviceId(), screen.name(), screen.schoolId(),
					sum.plays(), sum.durationMs(), sum.firstAt(), sum.lastAt()));
		}
		return rows;
	}

	private record Sum(String postingId, String deviceId, long plays, long durationMs, Instant firstAt,
			Instant lastAt) {

	}

}
