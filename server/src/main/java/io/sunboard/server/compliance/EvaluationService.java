package io.sunboard.server.compliance;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.sunboard.server.school.School;
import io.sunboard.server.system.Jdbc;

/**
 * Summarises the kiosks' ratings per posting and per school, from their hourly rollup
 * ({@code rating_hourly}, kept for good), not from the raw events the retention purge
 * deletes. A school's year starts at its local midnight, a whole UTC hour in China.
 */
@Service
public class EvaluationService {

	private final JdbcClient jdbc;

	EvaluationService(JdbcClient jdbc) {
		this.jdbc = jdbc;
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
		return this.jdbc
			.sql("select d.school_id, r.posting_id, max(p.title) as title, sum(r.helpful) as helpful,"
					+ " sum(r.ratings) as ratings from device d join rating_hourly r on r.device_id = d.id"
					+ " left join posting p on p.id = r.posting_id"
					+ " where d.school_id in (:schools) and r.hour_start >= :from and r.hour_start < :to"
					+ " group by d.school_id, r.posting_id order by d.school_id, r.posting_id")
			.param("schools", schoolIds)
			.param("from", Jdbc.utc(LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant()))
			.param("to", Jdbc.utc(LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toInstant()))
			.query((rs, row) -> Evaluation.Figure.of(rs.getString("posting_id"), rs.getString("title"),
					rs.getString("school_id"), rs.getLong("helpful"), rs.getLong("ratings")))
			.list();
	}

}
