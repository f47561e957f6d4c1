package io.sunboard.server.report;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.sunboard.server.posting.Posting;
import io.sunboard.server.posting.PostingService;
import io.sunboard.server.system.Jdbc;

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
			// A played-summary (a kiosk folded played events when its journal was full)
			// counts as the showings it folded.
			.sql("select e.device_id, d.name, d.school_id,"
					+ " sum(case when e.type = 'PLAYED_SUMMARY' then e.play_count else 1 end) as plays,"
					+ " sum(e.duration_ms) as total_ms, min(e.occurred_at) as first_shown,"
					+ " max(coalesce(e.last_at, e.occurred_at)) as last_shown"
					+ " from device_event e join device d on d.id = e.device_id"
					+ " where e.type in ('PLAYED', 'PLAYED_SUMMARY') and e.posting_id = ?"
					+ " group by e.device_id, d.name, d.school_id" + " order by e.device_id")
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
