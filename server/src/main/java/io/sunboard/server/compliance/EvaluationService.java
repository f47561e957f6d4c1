package io.sunboard.server.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.sunboard.server.report.ReportNames;
import io.sunboard.server.report.RollupSpan;
import io.sunboard.server.school.School;

/**
 * Summarises the kiosks' ratings per posting and per school, from their hourly, daily and
 * monthly rollups (kept for good; {@link RollupSpan}), not from the raw events the
 * retention purge deletes. A school's year starts at its local midnight, a whole UTC hour
 * in China.
 */
@Service
public class EvaluationService {

	private final JdbcClient jdbc;

	private final ReportNames names;

	EvaluationService(JdbcClient jdbc, ReportNames names) {
		this.jdbc = jdbc;
		this.names = names;
	}

	/** Ratings given during {@code year} in each school's own time zone. */
	public Evaluation forYear(List<School> schools, int year) {
		// one query for all the schools whose year has the same bounds (one per time
		// zone)
		Map<ZoneId, List<String>> byZone = new LinkedHashMap<>();
		schools.forEach((s) -> byZone.computeIfAbsent(s.timeZone(), (z) -> new ArrayList<>()).add(s.id()));
		Map<String, List<Evaluation.Figure>> postingsBySchool = new HashMap<>();
		byZone.forEach((zone, ids) -> postingFigures(ids, zone, year)
			.forEach((f) -> postingsBySchool.computeIfAbsent(f.schoolId(), (k) -> new ArrayList<>()).add(f)));
		List<Evaluation.Figure> bySchool = new ArrayList<>();
		List<Evaluation.Figure> byPosting = new ArrayList<>();
		for (School school : schools) {
			List<Evaluation.Figure> postings = postingsBySchool.getOrDefault(school.id(), List.of());
			byPosting.addAll(postings);
			bySchool.add(Evaluation.Figure.of(school.id(), school.name(), school.id(),
					postings.stream().mapToLong(Evaluation.Figure::helpful).sum(),
					postings.stream().mapToLong(Evaluation.Figure::ratings).sum()));
		}
		return new Evaluation(year, bySchool, byPosting);
	}

	/** Per school and posting, each school's in posting id order. */
	private List<Evaluation.Figure> postingFigures(List<String> schoolIds, ZoneId zone, int year) {
		Instant from = LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant();
		Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toInstant();
		List<RollupSpan> spans = RollupSpan.of("rating", from, to);
		// months, days and edge hours of the rating rollups, each summed on its
		// own; titles afterwards (H2 joined each rating row to its posting first)
		String union = RollupSpan.unionOfSchools(spans, "posting_id",
				"sum(r.helpful) as helpful, sum(r.ratings) as ratings");
		List<Evaluation.Figure> sums = RollupSpan
			.bind(this.jdbc.sql("select x.school_id, x.posting_id, sum(x.helpful) as helpful, sum(x.ratings) as ratings"
					+ " from (" + union + ") x group by x.school_id, x.posting_id order by x.school_id, x.posting_id"),
					spans)
			.param("schools", schoolIds)
			.query((rs, row) -> Evaluation.Figure.of(rs.getString("posting_id"), null, rs.getString("school_id"),
					rs.getLong("helpful"), rs.getLong("ratings")))
			.list();
		if (sums.isEmpty()) {
			return sums;
		}
		Map<String, String> titles = this.names
			.titles(sums.stream().map(Evaluation.Figure::id).collect(Collectors.toSet()));
		return sums.stream()
			.map((f) -> Evaluation.Figure.of(f.id(), titles.get(f.id()), f.schoolId(), f.helpful(), f.ratings()))
			.toList();
	}

}
