package io.sunboard.server.compliance;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import io.sunboard.server.posting.DisclosureAttribute;
import io.sunboard.server.posting.PostingStatus;
import io.sunboard.server.system.Jdbc;

/**
 * Postings with their approval dates, read straight from the posting and review tables;
 * and the one compliance field of a posting, the date its information was formed.
 */
@Repository
public class DisclosedPostings {

	private final JdbcClient jdbc;

	DisclosedPostings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<DisclosedPosting> ofSchools(Collection<String> schoolIds) {
		if (schoolIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql("select p.id, p.school_id, p.kind, p.title, p.status, p.disclosure_attribute, p.publicity_start,"
					+ " p.publicity_end, p.information_formed_on, p.updated_at,"
					+ " (select min(r.decided_at) from posting_review r where r.posting_id = p.id"
					+ " and r.decision = 'APPROVE') as first_approved,"
					+ " (select max(r.decided_at) from posting_review r where r.posting_id = p.id"
					+ " and r.decision = 'APPROVE') as last_approved"
					+ " from posting p where p.school_id in (:schools) order by p.school_id, p.publicity_start, p.id")
			.param("schools", new ArrayList<>(schoolIds))
			.query((rs, row) -> {
				Date formed = rs.getDate("information_formed_on");
				String status = rs.getString("status");
				String attribute = rs.getString("disclosure_attribute");
				return new DisclosedPosting(rs.getString("id"), rs.getString("school_id"), rs.getString("kind"),
						rs.getString("title"), PostingStatus.valueOf(status),
						(attribute != null) ? DisclosureAttribute.valueOf(attribute) : null,
						Jdbc.instant(rs, "publicity_start"), Jdbc.instant(rs, "publicity_end"),
						Jdbc.instant(rs, "first_approved"), Jdbc.instant(rs, "last_approved"),
						(formed != null) ? formed.toLocalDate() : null,
						// withdrawing is a posting's last change: its update time
						status.equals(PostingStatus.WITHDRAWN.name()) ? Jdbc.instant(rs, "updated_at") : null);
			})
			.list();
	}

	@Transactional
	void recordInformationFormedOn(String postingId, LocalDate formedOn) {
		this.jdbc.sql("update posting set information_formed_on = ? where id = ?")
			.params((formedOn != null) ? Date.valueOf(formedOn) : null, postingId)
			.update();
	}

}
