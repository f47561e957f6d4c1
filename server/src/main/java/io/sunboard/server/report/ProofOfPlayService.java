package io.sunboard.server.report;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.sunboard.server.posting.Posting;
import io.sunboard.server.posting.PostingService;
import io.sunboard.server.system.Jdbc;

/**
 * A posting's proof of play over all time (the posting API's summary); ranges, schools,
 * screens and gaps are {@link ProofOfPlayReports}.
 */
@Service
public class ProofOfPlayService {

	private final JdbcClient jdbc;

	private final PostingService postings;

	ProofOfPlayService(JdbcClient jdbc, PostingService postings) {
		this.jdbc = jdbc;
		this.postings = postings;
	}

	public ProofOfPlay forPosting(String postingId) {
		Posting posting = this.postings.get(postingId);
		List<ProofOfPlay.Screen> screens = this.jdbc
			// all time, from the daily rollup: it outlives the raw events' retention
			.sql("select r.device_id, d.name, d.school_id, sum(r.plays) as plays, sum(r.duration_ms) as total_ms,"
					+ " min(r.first_at) as first_shown, max(r.last_at) as last_shown"
					+ " from play_daily r join device d on d.id = r.device_id where r.posting_id = ?"
					+ " group by r.device_id, d.name, d.school_id order by r.device_id")
			.param(postingId)
			.query((rs, row) -> new ProofOfPlay.Screen(rs.getString("device_id"), rs.getString("name"),
					rs.getString("school_id"), rs.getLong("plays"), rs.getLong("total_ms") / 1000,
					Jdbc.instant(rs, "first_shown"), Jdbc.instant(rs, "last_shown")))
			.list();
		return new ProofOfPlay(postingId, posting.title(), screens.size(),
				screens.stream().mapToLong(ProofOfPlay.Screen::plays).sum(),
				screens.stream().mapToLong(ProofOfPlay.Screen::totalSeconds).sum(),
				screens.stream()
					.map(ProofOfPlay.Screen::firstShown)
					.filter(Objects::nonNull)
					.min(Comparator.naturalOrder())
					.orElse(null),
				screens.stream()
					.map(ProofOfPlay.Screen::lastShown)
					.filter(Objects::nonNull)
					.max(Comparator.naturalOrder())
					.orElse(null),
				screens);
	}

}
