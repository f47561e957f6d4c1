package io.sunboard.server.compliance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.sunboard.server.school.School;
import io.sunboard.server.system.Jdbc;

/**
 * Summarises the kiosks' rating events per posting and per school, from the raw events
 * (the rollups of the proof-of-play work may replace this query later).
 */
@Service
public class EvaluationService {

	private final JdbcClient jdbc;

	EvaluationService(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Ratings given during {@code year} in each school's own time zone. */
	public Evaluation forYear(List<School> schools, int year) {
		List<Evaluation.Figure> bySchool = new ArrayList<>();
		List<Evaluation.Figure> byPosting = new ArrayList<>();
		for (School school : schools) {
			long[] total = new long[2];
			this.jdbc
				.sql("select e.posting_id, max(p.title) as title,"
						+ " sum(case when e.helpful = true then 1 else 0 end) as helpful, count(*) as ratings"
						+ " from device_event e join device d on d.id = e.device_id"
						+ " left join posting p on p.id = e.posting_id"
						+ " where e.type = 'RATING' and e.helpful is not null and d.school_id = ?"
						+ " and e.occurred_at >= ? and e.occurred_at < ? group by e.posting_id order by e.posting_id")
				.params(school.id(), Jdbc.utc(LocalDate.of(year, 1, 1).atStartOfDay(school.timeZone()).toInstant()),
						Jdbc.utc(LocalDate.of(year + 1, 1, 1).atStartOfDay(school.timeZone()).toInstant()))
				.query((rs, row) -> {
					long helpful = rs.getLong("helpful");
					long ratings = rs.getLong("ratings");
					total[0] += helpful;
					total[1] += ratings;
					byPosting.add(Evaluation.Figure.of(rs.getString("posting_id"), rs.getString("title"), school.id(),
							helpful, ratings));
					return null;
				})
				.list();
			bySchool.add(Evaluation.Figure.of(school.id(), school.name(), school.id(), total[0], total[1]));
		}
		return new Evaluation(year, bySchool, byPosting);
	}

}
