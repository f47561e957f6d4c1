package io.sunboard.server.schedule;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.sunboard.server.system.Jdbc;

@Repository
public class ScheduleRepository {

	private final JdbcClient jdbc;

	ScheduleRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void create(ScheduleEntry e, String regionId, Instant now) {
		this.jdbc
			.sql("insert into schedule_entry (id, posting_id, school_id, starts_at, ends_at, duration_seconds,"
					+ " priority, created_at, target_type, target_id, region_id, daily_start, daily_end, weekdays,"
					+ " rrule, except_dates, sort_order) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(e.id(), e.postingId(), e.schoolId(), Jdbc.utc(e.startsAt()), Jdbc.utc(e.endsAt()),
					e.durationSeconds(), e.priority(), Jdbc.utc(now), e.targetType().name(), e.targetId(), regionId,
					time(e.dailyStart()), time(e.dailyEnd()), join(e.weekdays()), e.rrule(), join(e.exceptDates()),
					e.order())
			.update();
	}

	boolean delete(String postingId, String entryId) {
		return this.jdbc.sql("delete from schedule_entry where id = ? and posting_id = ?")
			.params(entryId, postingId)
			.update() > 0;
	}

	Optional<ScheduleEntry> find(String postingId, String entryId) {
		return this.jdbc.sql("select * from schedule_entry where id = ? and posting_id = ?")
			.params(entryId, postingId)
			.query(ScheduleRepository::map)
			.optional();
	}

	/**
	 * Entries that may put something on a school's screens and have not ended by
	 * {@code now}: the school's own, and those of any school that target its region.
	 */
	public List<ScheduleEntry> findCurrent(String schoolId, String regionId, Instant now) {
		return this.jdbc
			.sql("select * from schedule_entry where (school_id = ? or (target_type = 'REGION' and region_id = ?))"
					+ " and ends_at > ? order by id")
			.params(schoolId, regionId, Jdbc.utc(now))
			.query(ScheduleRepository::map)
			.list();
	}

	/**
	 * Regions that entries of a posting target, so a change of the posting reaches them.
	 */
	public List<String> regionsTargetedBy(String postingId) {
		return this.jdbc
			.sql("select distinct region_id from schedule_entry where posting_id = ? and target_type = 'REGION'")
			.param(postingId)
			.query(String.class)
			.list();
	}

	public List<ScheduleEntry> findByPosting(String postingId) {
		return this.jdbc.sql("select * from schedule_entry where posting_id = ? order by starts_at, id")
			.param(postingId)
			.query(ScheduleRepository::map)
			.list();
	}

	private static ScheduleEntry map(ResultSet rs, int row) throws SQLException {
		Set<DayOfWeek> weekdays = split(rs.getString("weekdays")).map(DayOfWeek::valueOf).collect(Collectors.toSet());
		Set<LocalDate> except = split(rs.getString("except_dates")).map(LocalDate::parse).collect(Collectors.toSet());
		return new ScheduleEntry(rs.getString("id"), rs.getString("posting_id"), rs.getString("school_id"),
				TargetType.valueOf(rs.getString("target_type")), rs.getString("target_id"),
				Jdbc.instant(rs, "starts_at"), Jdbc.instant(rs, "ends_at"), localTime(rs.getTime("daily_start")),
				localTime(rs.getTime("daily_end")), weekdays, rs.getString("rrule"), except,
				rs.getInt("duration_seconds"), rs.getInt("priority"), rs.getInt("sort_order"));
	}

	private static java.util.stream.Stream<String> split(String joined) {
		return (joined == null || joined.isEmpty()) ? java.util.stream.Stream.empty()
				: Arrays.stream(joined.split(","));
	}

	private static String join(Set<?> values) {
		return values.stream().map(Object::toString).sorted().collect(Collectors.joining(","));
	}

	private static Time time(LocalTime time) {
		return (time != null) ? Time.valueOf(time) : null;
	}

	private static LocalTime localTime(Time time) {
		return (time != null) ? time.toLocalTime() : null;
	}

}
