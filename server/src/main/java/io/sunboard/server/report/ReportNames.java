package io.sunboard.server.report;

import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Posting titles and screen names for a report's rows (proof of play, evaluations), read
 * once for all of them. The reports sum the rollups without joining names: H2 evaluates a
 * derived table joined to another once per row of the other, which made a region's report
 * twice as slow.
 */
@Component
public class ReportNames {

	private final JdbcClient jdbc;

	ReportNames(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Titles by posting id; a posting that no longer exists is left out. */
	public Map<String, String> titles(Collection<String> postingIds) {
		Map<String, String> titles = new HashMap<>();
		if (!postingIds.isEmpty()) {
			this.jdbc.sql("select id, title from posting where id in (:ids)")
				.param("ids", List.copyOf(postingIds))
				.query((ResultSet rs) -> {
					titles.put(rs.getString("id"), rs.getString("title"));
				});
		}
		return titles;
	}

	Map<String, Screen> screens(Collection<String> deviceIds) {
		Map<String, Screen> screens = new HashMap<>();
		if (!deviceIds.isEmpty()) {
			this.jdbc.sql("select id, name, school_id from device where id in (:ids)")
				.param("ids", List.copyOf(deviceIds))
				.query((ResultSet rs) -> {
					screens.put(rs.getString("id"), new Screen(rs.getString("name"), rs.getString("school_id")));
				});
		}
		return screens;
	}

	record Screen(String name, String schoolId) {

	}

}
