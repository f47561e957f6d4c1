package io.sunboard.server.schedule;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.sunboard.server.system.Jdbc;

@Repository
public class ScheduleRepository {

	private final JdbcClient jdbc;

	ScheduleRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void create(ScheduleEntry e, Instant now) {
		this.jdbc
			.sql("insert into schedule_entry (id, posting_id, school_id, starts_at, ends_at, duration_seconds,"
					+ " priority, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(e.id(), e.postingId(), e.schoolId(), Jdbc.utc(e.startsAt()), Jdbc.utc(e.endsAt()),
					e.durationSeconds(), e.priority(), Jdbc.utc(now))
			.update();
	}

	/** Entries of a school that have not ended by {@code now}. */
	public List<ScheduleEntry> findCurrent(String schoolId, Instant now) {
		return this.jdbc.sql("select * from schedule_entry where school_id = ? and ends_at > ? order by id")
			.params(schoolId, Jdbc.utc(now))
			.query(ScheduleRepository::map)
			.list();
	}

	public List<ScheduleEntry> findByPosting(String postingId) {
		return this.jdbc.sql("select * from schedule_entry where posting_id = ? order by starts_at, id")
			.param(postingId)
			.query(ScheduleRepository::map)
			.list();
	}

	private static ScheduleEntry map(ResultSet rs, int row) throws SQLException {
		return new ScheduleEntry(rs.getString("id"), rs.getString("posting_id"), rs.getString("school_id"),
				Jdbc.instant(rs, "starts_at"), Jdbc.instant(rs, "ends_at"), rs.getInt("duration_seconds"),
				rs.getInt("priority"));
	}

}
