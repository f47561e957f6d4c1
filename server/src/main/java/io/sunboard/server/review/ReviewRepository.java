package io.sunboard.server.review;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.sunboard.server.posting.DisclosureAttribute;
import io.sunboard.server.system.Jdbc;

@Repository
class ReviewRepository {

	private final JdbcClient jdbc;

	ReviewRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void create(Review r) {
		this.jdbc
			.sql("insert into posting_review (id, posting_id, content_sha256, reviewer, decision, basis, conclusion,"
					+ " disclosure_attribute, attribute_reason, reason, decided_at)"
					+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(r.id(), r.postingId(), r.contentSha256(), r.reviewer(), r.decision().name(), r.basis(),
					r.conclusion(), (r.attribute() != null) ? r.attribute().name() : null, r.attributeReason(),
					r.reason(), Jdbc.utc(r.decidedAt()))
			.update();
	}

	List<Review> findByPosting(String postingId) {
		return this.jdbc.sql("select * from posting_review where posting_id = ? order by decided_at, id")
			.param(postingId)
			.query((rs, row) -> new Review(rs.getString("id"), rs.getString("posting_id"),
					rs.getString("content_sha256"), rs.getString("reviewer"),
					ReviewDecision.Outcome.valueOf(rs.getString("decision")), rs.getString("basis"),
					rs.getString("conclusion"),
					(rs.getString("disclosure_attribute") != null)
							? DisclosureAttribute.valueOf(rs.getString("disclosure_attribute")) : null,
					rs.getString("attribute_reason"), rs.getString("reason"), Jdbc.instant(rs, "decided_at")))
			.list();
	}

}
