package io.sunboard.server.dashboard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.sunboard.server.security.Scope;
import io.sunboard.server.system.Jdbc;

/**
 * The dashboard's reads, paged, filtered and counted in the database so a page costs the
 * same for 10 screens as for 10,000. Every query is limited to the viewer's scope.
 */
@Repository
public class DashboardQuery {

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
			+ " left join posting p on p.id = s.now_playing where d.id in ";

	/** The tables the health needs; a page without a health filter leaves them out. */
	private static final String STATE_JOINS = " left join device_state s on s.device_id = d.id"
			+ " left join device_manifest m on m.device_id = d.id";

	private final JdbcClient jdbc;

	public DashboardQuery(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One page of the screens the view selects, ordered by school, name and id. The
	 * page's ids are chosen on the narrow tables first; only those rows are then joined
	 * with their state, manifest and posting.
	 */
	public ScreenPage page(Scope scope, DashboardView view, Instant staleBefore) {
		List<Object> params = new ArrayList<>();
		StringBuilder sql = new StringBuilder(" from device d join school sc on sc.id = d.school_id");
		if (view.health() != null) {
			sql.append(STATE_JOINS);
		}
		sql.append(" where d.active").append(scopeCondition(scope, params));
		if (view.schoolId() != null) {
			sql.append(" and d.school_id = ?");
			params.add(view.schoolId());
		}
		if (view.health() != null) {
			sql.append(" and ").append(HEALTH).append(" = ?");
			params.add(Jdbc.utc(staleBefore));
			params.add(view.health().name());
		}
		long total = this.jdbc.sql("select count(*)" + sql).params(params).query(Long.class).single();
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(view.size());
		pageParams.add((long) view.page() * view.size());
		List<String> ids = this.jdbc.sql("select d.id" + sql + " order by sc.name, d.name, d.id limit ? offset ?")
			.params(pageParams)
			.query(String.class)
			.list();
		if (ids.isEmpty()) {
			return new ScreenPage(List.of(), total);
		}
		List<Object> rowParams = new ArrayList<>();
		rowParams.add(Jdbc.utc(staleBefore));
		rowParams.addAll(ids);
		Map<String, ScreenRow> byId = new HashMap<>();
		this.jdbc.sql(SCREENS + placeholders(ids.size()))
			.params(rowParams)
			.query(DashboardQuery::row)
			.list()
			.forEach((row) -> byId.put(row.id(), row));
		// a screen retired between the two reads is left out
		return new ScreenPage(ids.stream().map(byId::get).filter(Objects::nonNull).toList(), total);
	}

	/** Fine, stale and offline screens per school in scope, by school name. */
	public List<SchoolCounts> counts(Scope scope, Instant staleBefore) {
		List<Object> params = new ArrayList<>();
		params.add(Jdbc.utc(staleBefore));
		String where = scopeCondition(scope, params);
		return this.jdbc.sql("select d.school_id, sc.name as school_name, count(*) as total,"
				+ " sum(case when s.online is null or s.online = false then 1 else 0 end) as offline,"
				+ " sum(case when s.online = true and m.version is not null and s.applied_manifest_version < m.version"
				+ " and m.published_at <= ? then 1 else 0 end) as stale"
				+ " from device d join school sc on sc.id = d.school_id" + STATE_JOINS + " where d.active" + where
				+ " group by d.school_id, sc.name order by sc.name, d.school_id")
			.params(params)
			.query((rs, row) -> {
				long total = rs.getLong("total");
				long offline = rs.getLong("offline");
				long stale = rs.getLong("stale");
				return new SchoolCounts(rs.getString("school_id"), rs.getString("school_name"), total - offline - stale,
						stale, offline);
			})
			.list();
	}

	/**
	 * The most recently published postings on screens in scope: how many screens should
	 * show each and how many do. The latest postings are picked from the index alone,
	 * then only their rows are counted.
	 */
	public List<PublishProgress> progress(Scope scope, int limit) {
		List<Object> params = new ArrayList<>();
		String where = scopeCondition(scope, params);
		params.add(limit);
		String scoped = (scope.type() == Scope.Type.ALL) ? " where 1 = 1"
				: " join device d on d.id = mp.device_id join school sc on sc.id = d.school_id where 1 = 1";
		List<String> latest = this.jdbc
			.sql("select mp.posting_id from dashboard_manifest_posting mp" + scoped + where
					+ " group by mp.posting_id order by max(mp.since_at) desc, mp.posting_id limit ?")
			.params(params)
			.query(String.class)
			.list();
		if (latest.isEmpty()) {
			return List.of();
		}
		List<Object> countParams = new ArrayList<>(latest);
		String countWhere = scopeCondition(scope, countParams);
		Map<String, PublishProgress> byId = new HashMap<>();
		this.jdbc
			.sql("select mp.posting_id, p.title, count(*) as targeted,"
					+ " sum(case when s.applied_manifest_version >= mp.since_version then 1 else 0 end) as showing"
					+ " from dashboard_manifest_posting mp join device d on d.id = mp.device_id"
					+ " join school sc on sc.id = d.school_id join posting p on p.id = mp.posting_id"
					+ " left join device_state s on s.device_id = d.id where mp.posting_id in "
					+ placeholders(latest.size()) + " and d.active" + countWhere + " group by mp.posting_id, p.title")
			.params(countParams)
			.query((rs, row) -> new PublishProgress(rs.getString("posting_id"), rs.getString("title"),
					rs.getLong("showing"), rs.getLong("targeted")))
			.list()
			.forEach((p) -> byId.put(p.postingId(), p));
		return latest.stream().map(byId::get).filter(Objects::nonNull).toList();
	}

	/**
	 * The latest feedback from screens in scope, newest first: category, school, time.
	 */
	public List<FeedbackItem> recentFeedback(Scope scope, int limit) {
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

	private static String placeholders(int count) {
		return "(" + String.join(", ", Collections.nCopies(count, "?")) + ")";
	}

	/** Where a screen is. */
	record Place(String schoolId, String schoolName, String regionId) {

	}

}
