package io.sunboard.server.feedback;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.sunboard.server.system.Jdbc;

@Repository
class FeedbackRepository {

	private final JdbcClient jdbc;

	FeedbackRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void create(FeedbackItem item, String eventId, Instant now, String createdBy) {
		this.jdbc
			.sql("insert into feedback_item (id, school_id, kind, channel, device_id, event_id, posting_id, text,"
					+ " contact, received_at, due_on, publish_reply, created_at, created_by)"
					+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, ?, ?)")
			.params(item.id(), item.schoolId(), item.kind().name(), item.channel().name(), item.deviceId(), eventId,
					item.postingId(), item.text(), item.contact(), Jdbc.utc(item.receivedAt()),
					Date.valueOf(item.dueOn()), Jdbc.utc(now), createdBy)
			.update();
	}

	void assign(String id, String assignee) {
		this.jdbc.sql("update feedback_item set assignee = ? where id = ?").params(assignee, id).update();
	}

	void reply(String id, String reply, boolean publish, Instant at, String by) {
		this.jdbc
			.sql("update feedback_item set reply = ?, publish_reply = ?, replied_at = ?, replied_by = ? where id = ?")
			.params(reply, publish, Jdbc.utc(at), by, id)
			.update();
	}

	Optional<FeedbackItem> find(String id) {
		return this.jdbc.sql("select * from feedback_item where id = ?")
			.param(id)
			.query(FeedbackRepository::map)
			.optional();
	}

	/**
	 * Items of the given schools received in [from, to) (null bounds are open), newest
	 * first.
	 */
	List<FeedbackItem> find(Collection<String> schoolIds, Instant from, Instant to) {
		if (schoolIds.isEmpty()) {
			return List.of();
		}
		StringBuilder sql = new StringBuilder("select * from feedback_item where school_id in (:schools)");
		if (from != null) {
			sql.append(" and received_at >= :from");
		}
		if (to != null) {
			sql.append(" and received_at < :to");
		}
		sql.append(" order by received_at desc, id");
		JdbcClient.StatementSpec spec = this.jdbc.sql(sql.toString()).param("schools", new ArrayList<>(schoolIds));
		if (from != null) {
			spec = spec.param("from", Jdbc.utc(from));
		}
		if (to != null) {
			spec = spec.param("to", Jdbc.utc(to));
		}
		return spec.query(FeedbackRepository::map).list();
	}

	/**
	 * One page of the given schools' items, newest first (as
	 * {@link #find(Collection, Instant, Instant)}); {@code answered} null means either.
	 */
	List<FeedbackItem> page(Collection<String> schoolIds, Boolean answered, int offset, int limit) {
		if (schoolIds.isEmpty() || limit <= 0) {
			return List.of();
		}
		return this.jdbc
			.sql("select * from feedback_item where school_id in (:schools)" + answered(answered)
					+ " order by received_at desc, id limit " + limit + " offset " + Math.max(0, offset))
			.param("schools", new ArrayList<>(schoolIds))
			.query(FeedbackRepository::map)
			.list();
	}

	/** The given schools' items not answered yet, newest first. */
	List<FeedbackItem> unanswered(Collection<String> schoolIds) {
		if (schoolIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql("select * from feedback_item where school_id in (:schools)" + answered(false)
					+ " order by received_at desc, id")
			.param("schools", new ArrayList<>(schoolIds))
			.query(FeedbackRepository::map)
			.list();
	}

	/** How many items the given schools have, and how many of them are answered. */
	long[] countAllAndAnswered(Collection<String> schoolIds) {
		if (schoolIds.isEmpty()) {
			return new long[] { 0, 0 };
		}
		return this.jdbc
			.sql("select count(*) as all_items, count(replied_at) as answered from feedback_item"
					+ " where school_id in (:schools)")
			.param("schools", new ArrayList<>(schoolIds))
			.query((rs, row) -> new long[] { rs.getLong("all_items"), rs.getLong("answered") })
			.single();
	}

	private static String answered(Boolean answered) {
		if (answered == null) {
			return "";
		}
		return answered ? " and replied_at is not null" : " and replied_at is null";
	}

	/** Replies staff chose to show on the school's kiosks, newest first. */
	List<FeedbackItem> publishedReplies(String schoolId, int limit) {
		return this.jdbc
			.sql("select * from feedback_item where school_id = ? and publish_reply = true and replied_at is not null"
					+ " order by replied_at desc, id limit " + Math.max(1, Math.min(limit, 200)))
			.param(schoolId)
			.query(FeedbackRepository::map)
			.list();
	}

	/** Kiosk feedback stored by ingest that is not in the inbox yet, with its school. */
	List<KioskFeedback> kioskFeedbackNotImported() {
		return this.jdbc
			.sql("select k.device_id, k.event_id, k.category, k.text, k.contact, k.posting_id, k.received_at,"
					+ " d.school_id from kiosk_feedback k join device d on d.id = k.device_id"
					+ " where not exists (select 1 from feedback_item f"
					+ " where f.device_id = k.device_id and f.event_id = k.event_id)"
					+ " order by k.received_at, k.device_id, k.event_id")
			.query((rs, row) -> new KioskFeedback(rs.getString("device_id"), rs.getString("event_id"),
					rs.getString("school_id"), rs.getString("category"), rs.getString("text"), rs.getString("contact"),
					rs.getString("posting_id"), Jdbc.instant(rs, "received_at")))
			.list();
	}

	/**
	 * Items of the given schools received in [from, to), counted by school, due date and
	 * reply time (null while open): what the yearly totals need, without loading the
	 * items. Whether a reply was on time depends on the school's zone, so that stays with
	 * the caller.
	 */
	List<ReplyCount> replyCounts(Collection<String> schoolIds, Instant from, Instant to) {
		if (schoolIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql("select school_id, due_on, replied_at, count(*) as items from feedback_item"
					+ " where school_id in (:schools) and received_at >= :from and received_at < :to"
					+ " group by school_id, due_on, replied_at")
			.param("schools", new ArrayList<>(schoolIds))
			.param("from", Jdbc.utc(from))
			.param("to", Jdbc.utc(to))
			.query((rs, row) -> new ReplyCount(rs.getString("school_id"), rs.getDate("due_on").toLocalDate(),
					Jdbc.instant(rs, "replied_at"), rs.getLong("items")))
			.list();
	}

	/** Whether the account exists, is enabled, and what it may see. */
	Optional<AccountScope> account(String username) {
		return this.jdbc.sql("select role, scope_type, scope_id from account where username = ? and enabled = true")
			.param(username)
			.query((rs, row) -> new AccountScope(rs.getString("role"), rs.getString("scope_type"),
					rs.getString("scope_id")))
			.optional();
	}

	private static FeedbackItem map(ResultSet rs, int row) throws SQLException {
		Date due = rs.getDate("due_on");
		return new FeedbackItem(rs.getString("id"), rs.getString("school_id"),
				FeedbackKind.valueOf(rs.getString("kind")), FeedbackChannel.valueOf(rs.getString("channel")),
				rs.getString("device_id"), rs.getString("posting_id"), rs.getString("text"), rs.getString("contact"),
				Jdbc.instant(rs, "received_at"), (due != null) ? due.toLocalDate() : LocalDate.MIN,
				rs.getString("assignee"), rs.getString("reply"), Jdbc.instant(rs, "replied_at"),
				rs.getString("replied_by"), rs.getBoolean("publish_reply"));
	}

	record KioskFeedback(String deviceId, String eventId, String schoolId, String category, String text, String contact,
			String postingId, Instant receivedAt) {

	}

	record ReplyCount(String schoolId, LocalDate dueOn, Instant repliedAt, long items) {

	}

	record AccountScope(String role, String scopeType, String scopeId) {

	}

}
