package io.sunboard.server.dashboard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.sunboard.server.security.Scope;
import io.sunboard.server.system.Jdbc;

/**
 * The dashboard's reads, paged, filtered and counted in the database so a page costs the
 * same for 10 screens as for 10,000. Every query is limited to the viewer's scope.
 */
@Repository
class DashboardQuery {

	/**
	 * {@link ScreenHealth#classify} in SQL; the one parameter is the publish time before
	 * which an unapplied manifest makes an online screen stale.
	 */
	private static final String HEALTH = "case when s.online is null or s.online = false then 'OFFLINE'"
			+ " when m.version is not null and s.applied_manifest_version < m.version and m.published_at <= ?"
			+ " then 'STALE' else 'FINE' end";

	private static final String SCREENS = "select d.id, d.name, d.school_id, sc.name as school_name,"
			+ " s.heartbeat_at, coalesce(s.applied_manifest_version, 0) as applied_version,"
			+ " coalesce(m.version, 0) as latest_version, s.now_playing, p.title as now_playing_title,"
			+ " coalesce(s.disk_free_bytes, 0) as disk_free_bytes, " + HEALTH + " as health"
			+ " from device d join school sc on sc.id = d.school_id"
			+ " left join device_state s on s.device_id = d.id left join device_manifest m on m.device_id = d.id"
			+ " left join posting p on p.id = s.now_playing where d.active";

	private static final String HEALTHS = "select d.school_id, sc.name as school_name, " + HEALTH + " as health"
			+ " from device d join school sc on sc.id = d.school_id"
			+ " left join device_state s on s.device_id = d.id left join device_manifest m on m.device_id = d.id"
			+ " where d.active";

	private final JdbcClient jdbc;

	DashboardQuery(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One page of the screens the view selects, ordered by school, name and id. */
	ScreenPage page(Scope scope, DashboardView view, Instant staleBefore) {
		List<Object> params = new ArrayList<>();
		params.add(Jdbc.utc(staleBefore));
		StringBuilder where = new StringBuilder(scopeCondition(scope, params));
		if (view.schoolId() != null) {
			where.append(" and d.school_id = ?");
			params.add(view.schoolId());
		}
		String inner = SCREENS + where;
		String filter = "";
		List<Object> filterParams = new ArrayList<>(params);
		if (view.health() != null) {
			filter = " where v.health = ?";
			filterParams.add(view.health().name());
		}
		long total = this.jdbc.sql("select count(*) from (" + inner + ") v" + filter)
			.params(filterParams)
			.query(Long.class)
			.single();
		List<Object> pageParams = new ArrayList<>(filterParams);
		pageParams.add(view.size());
		pageParams.add((long) view.page() * view.size());
		List<ScreenRow> rows = this.jdbc
			.sql("select * from (" + inner + ") v" + filter + " order by v.school_name, v.name, v.id limit ? offset ?")
			.params(pageParams)
			.query(DashboardQuery::row)
			.list();
		return new ScreenPage(rows, total);
	}

	/** Fine, stale and offline screens per school in scope, by school name. */
	List<SchoolCounts> counts(Scope scope, Instant staleBefore) {
		List<Object> params = new ArrayList<>();
		params.add(Jdbc.utc(staleBefore));
		String where = scopeCondition(scope, params);
		Map<String, SchoolCounts> bySchool = new LinkedHashMap<>();
		this.jdbc
			.sql("select v.school_id, v.school_name, v.health, count(*) as n from (" + HEALTHS + where + ") v"
					+ " group by v.school_id, v.school_name, v.health order by v.school_name, v.school_id")
			.params(params)
			.query((rs) -> {
				String schoolId = rs.getString("school_id");
				SchoolCounts counts = bySchool.computeIfAbsent(schoolId,
						(id) -> new SchoolCounts(id, safe(rs, "school_name"), 0, 0, 0));
				bySchool.put(schoolId, counts.plus(ScreenHealth.valueOf(rs.getString("health")), rs.getLong("n")));
			});
		return List.copyOf(bySchool.values());
	}

	/**
	 * The most recently published postings on screens in scope: how many screens should
	 * show each and how many do.
	 */
	List<PublishProgress> progress(Scope scope, int limit) {
		List<Object> params = new ArrayList<>();
		String where = scopeCondition(scope, params);
		params.add(limit);
		return this.jdbc
			.sql("select mp.posting_id, p.title, count(*) as targeted,"
					+ " sum(case when s.applied_manifest_version >= mp.since_version then 1 else 0 end) as showing,"
					+ " max(mp.since_at) as latest_at from dashboard_manifest_posting mp"
					+ " join device d on d.id = mp.device_id join school sc on sc.id = d.school_id"
					+ " join posting p on p.id = mp.posting_id left join device_state s on s.device_id = d.id"
					+ " where d.active" + where + " group by mp.posting_id, p.title"
					+ " order by latest_at desc, mp.posting_id limit ?")
			.params(params)
			.query((rs, row) -> new PublishProgress(rs.getString("posting_id"), rs.getString("title"),
					rs.getLong("showing"), rs.getLong("targeted")))
			.list();
	}

	/**
	 * The latest feedback from screens in scope, newest first: category, school, time.
	 */
	List<FeedbackItem> recentFeedback(Scope scope, int limit) {
		List<Object> params = new ArrayList<>();
		String where = scopeCondition(scope, params);
		params.add(limit);
		return this.jdbc
			.sql("select f.category, f.submitted_at, sc.id as school_id, sc.name as school_name"
					+ " from kiosk_feedback f join device d on d.id = f.device_id join school sc on sc.id = d.school_id"
					+ " where 1 = 1" + where + " order by f.received_at desc, f.submitted_at desc limit ?")
			.params(params)
			.query((rs, row) -> new FeedbackItem(rs.getString("category"), rs.getString("school_id"),
					rs.getString("school_name"), Jdbc.instant(rs, "submitted_at")))
			.list();
	}

	/** A device's school and region, for routing its feedback to the viewers in scope. */
	Place place(String deviceId) {
		return this.jdbc
			.sql("select sc.id, sc.name, sc.region_id from device d join school sc on sc.id = d.school_id"
					+ " where d.id = ?")
			.param(deviceId)
			.query((rs, row) -> new Place(rs.getString("id"), rs.getString("name"), rs.getString("region_id")))
			.optional()
			.orElse(null);
	}

	/**
	 * Appends the condition (on {@code d} and {@code sc}) that keeps rows inside the
	 * scope.
	 */
	private static String scopeCondition(Scope scope, List<Object> params) {
		return switch (scope.type()) {
			case ALL -> "";
			case REGION -> {
				params.add(scope.id());
				yield " and sc.region_id = ?";
			}
			case SCHOOL -> {
				params.add(scope.id());
				yield " and d.school_id = ?";
			}
		};
	}

	private static ScreenRow row(ResultSet rs, int row) throws SQLException {
		return new ScreenRow(rs.getString("id"), rs.getString("name"), rs.getString("school_id"),
				rs.getString("school_name"), ScreenHealth.valueOf(rs.getString("health")),
				Jdbc.instant(rs, "heartbeat_at"), rs.getLong("applied_version"), rs.getLong("latest_version"),
				rs.getString("now_playing"), rs.getString("now_playing_title"), rs.getLong("disk_free_bytes"));
	}

	private static String safe(ResultSet rs, String column) {
		try {
			return rs.getString(column);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Where a screen is. */
	record Place(String schoolId, String schoolName, String regionId) {

	}

}
