package io.sunboard.server.compliance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

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
		List<Evaluation.Figure> bySchool = new ArrayList<>();
		List<Evaluation.Figure> byPosting = new ArrayList<>();
		for (School school : schools) {
			long[] total = new long[2];
			this.jdbc
				.sql("select r.posting_id, max(p.title) as title, sum(r.helpful) as helpful, sum(r.ratings) as ratings"
						+ " from rating_hourly r join device d on d.id = r.device_id"
						+ " left join posting p on p.id = r.posting_id"
						+ " where d.school_id = ? and r.hour_start >= ? and r.hour_start < ?"
						+ " group by r.posting_id order by r.posting_id")
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
