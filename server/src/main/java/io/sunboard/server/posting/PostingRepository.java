package io.sunboard.server.posting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.sunboard.server.system.Jdbc;

@Repository
public class PostingRepository {

	private final JdbcClient jdbc;

	PostingRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void create(Posting p, Instant now) {
		this.jdbc
			.sql("insert into posting (id, school_id, kind, title, body, publicity_start, publicity_end, status,"
					+ " content_sha256, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(p.id(), p.schoolId(), p.kind(), p.title(), p.body(), Jdbc.utc(p.publicityStart()),
					Jdbc.utc(p.publicityEnd()), p.status().name(), p.contentSha256(), Jdbc.utc(now), Jdbc.utc(now))
			.update();
	}

	void updateStatus(String id, PostingStatus status, Instant now) {
		this.jdbc.sql("update posting set status = ?, updated_at = ? where id = ?")
			.params(status.name(), Jdbc.utc(now), id)
			.update();
	}

	void update(Posting p, Instant now) {
		this.jdbc
			.sql("update posting set title = ?, body = ?, publicity_start = ?, publicity_end = ?, status = ?,"
					+ " content_sha256 = ?, updated_at = ? where id = ?")
			.params(p.title(), p.body(), Jdbc.utc(p.publicityStart()), Jdbc.utc(p.publicityEnd()), p.status().name(),
					p.contentSha256(), Jdbc.utc(now), p.id())
			.update();
	}

	void recordAuthor(String id, String author) {
		this.jdbc.sql("update posting set author = ? where id = ?").params(author, id).update();
	}

	void recordAttribute(String id, DisclosureAttribute attribute, String reason) {
		this.jdbc.sql("update posting set disclosure_attribute = ?, attribute_reason = ? where id = ?")
			.params(attribute.name(), reason, id)
			.update();
	}

	Optional<String> author(String id) {
		return this.jdbc.sql("select author from posting where id = ?").param(id).query(String.class).optional();
	}

	public Optional<Posting> find(String id) {
		return this.jdbc.sql("select * from posting where id = ?").param(id).query(PostingRepository::map).optional();
	}

	public List<Posting> findBySchool(String schoolId) {
		return this.jdbc.sql("select * from posting where school_id = ? order by publicity_start desc, id")
			.param(schoolId)
			.query(PostingRepository::map)
			.list();
	}

	public List<Posting> findAll() {
		return this.jdbc.sql("select * from posting order by school_id, publicity_start desc, id")
			.query(PostingRepository::map)
			.list();
	}

	private static Posting map(ResultSet rs, int row) throws SQLException {
		return new Posting(rs.getString("id"), rs.getString("school_id"), rs.getString("kind"), rs.getString("title"),
				rs.getString("body"), Jdbc.instant(rs, "publicity_start"), Jdbc.instant(rs, "publicity_end"),
				PostingStatus.valueOf(rs.getString("status")), rs.getString("content_sha256"),
				(rs.getString("disclosure_attribute") != null)
						? DisclosureAttribute.valueOf(rs.getString("disclosure_attribute")) : null);
	}

}
