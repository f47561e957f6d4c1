package io.sunboard.server.report;

import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.sunboard.server.system.Jdbc;

/**
 * The screens whose manifests scheduled a posting inside a report's range and that showed
 * it not once, each with the likeliest reason: not heard from during any of its windows
 * (offline); heard from, but its applied manifest is older than the first one that
 * carried the posting (stale); otherwise unknown.
 */
@Component
class GapFinder {

	private final JdbcClient jdbc;

	private final ReportNames names;

	GapFinder(JdbcClient jdbc, ReportNames names) {
		this.jdbc = jdbc;
		this.names = names;
	}

	List<ProofOfPlayReport.Gap> find(ReportQuery query, List<ProofOfPlayReport.Row> shown) {
		Set<String> played = new HashSet<>();
		shown.forEach((r) -> played.add(r.postingId() + "\n" + r.deviceId()));
		Map<String, Expected> expected = new LinkedHashMap<>();
		// first the posting and screen pairs whose windows may meet the range (a row
		// each where a year of daily windows is 365), then the windows of the few that
		// showed nothing: those decide whether they were scheduled inside the range
		this.jdbc
			.sql("select w.posting_id, w.device_id" + ReportFilter.rows(query.subject(), "scheduled_span", "w")
					+ " and w.first_start < :to and w.last_end > :from order by w.posting_id, w.device_id")
			.param("from", Jdbc.utc(query.from()))
			.param("to", Jdbc.utc(query.to()))
			.param("subject", query.id())
			.query((ResultSet rs) -> {
				String key = rs.getString("posting_id") + "\n" + rs.getString("device_id");
				if (!played.contains(key)) {
					expected.put(key, new Expected(rs.getString("posting_id"), rs.getString("device_id")));
				}
			});
		if (expected.isEmpty()) {
			return List.of();
		}
		Set<String> devices = new HashSet<>();
		expected.values().forEach((e) -> devices.add(e.deviceId));
		perDevice(devices,
				"select device_id, posting_id, starts_at, ends_at, first_version from scheduled_window"
						+ " where device_id = :device and starts_at < :to and ends_at > :from order by starts_at",
				query, (ResultSet rs) -> {
					Expected e = expected.get(rs.getString("posting_id") + "\n" + rs.getString("device_id"));
					if (e != null) {
						e.windows.add(new Instant[] { max(Jdbc.instant(rs, "starts_at"), query.from()),
								min(Jdbc.instant(rs, "ends_at"), query.to()) });
						e.firstVersion = Math.min(e.firstVersion, rs.getLong("first_version"));
					}
				});
		// a span is wider than its windows: some pairs had none inside the range
		expected.values().removeIf((e) -> e.windows.isEmpty());
		if (expected.isEmpty()) {
			return List.of();
		}
		Map<String, String> titles = this.names.titles(expected.values().stream().map((e) -> e.postingId).toList());
		Map<String, ReportNames.Screen> screens = this.names.screens(devices);
		Map<String, List<Instant>> presence = presence(devices, query);
		Map<String, Long> applied = applied(devices);
		List<ProofOfPlayReport.Gap> gaps = new ArrayList<>();
		for (Expected e : expected.values()) {
			ReportNames.Screen screen = screens.get(e.deviceId);
			String title = titles.get(e.postingId);
			if (screen == null || title == null) {
				continue;
			}
			ProofOfPlayReport.GapReason reason;
			if (!heardDuring(presence.getOrDefault(e.deviceId, List.of()), e.windows)) {
				reason = ProofOfPlayReport.GapReason.OFFLINE;
			}
			else if (applied.getOrDefault(e.deviceId, 0L) < e.firstVersion) {
				reason = ProofOfPlayReport.GapReason.STALE;
			}
			else {
				reason = ProofOfPlayReport.GapReason.UNKNOWN;
			}
			gaps.add(new ProofOfPlayReport.Gap(e.postingId, title, e.deviceId, screen.name(), screen.schoolId(), reason,
					e.windows.get(0)[0], e.windows.stream().map((w) -> w[1]).max(Instant::compareTo).orElseThrow()));
		}
		return gaps;
	}

	private Map<String, List<Instant>> presence(Set<String> devices, ReportQuery query) {
		Map<String, List<Instant>> hours = new HashMap<>();
		perDevice(devices, "select device_id, hour_start from device_presence where device_id = :device"
				+ " and hour_start >= :from and hour_start < :to", query, (ResultSet rs) -> {
					hours.computeIfAbsent(rs.getString(1), (k) -> new ArrayList<>())
						.add(Jdbc.instant(rs, "hour_start"));
				});
		return hours;
	}

	/** The highest manifest version each screen reported applied (heartbeat or event). */
	private Map<String, Long> applied(Set<String> devices) {
		Map<String, Long> versions = new HashMap<>();
		perDevice(devices,
				"select device_id, applied_manifest_version as v from device_state where device_id = :device"
						+ " union all select device_id, max(manifest_version) as v from device_event"
						+ " where device_id = :device and type = 'APPLIED' group by device_id",
				null, (ResultSet rs) -> {
					versions.merge(rs.getString(1), rs.getLong(2), Math::max);
				});
		return versions;
	}

	/**
	 * Runs {@code sql} once per screen, bound as {@code :device}: with an IN list of
	 * screens, H2 scanned all of {@code device_presence} (and would scan the event log)
	 * comparing each row with the list instead of looking each screen up in the key.
	 */
	private void perDevice(Set<String> devices, String sql, ReportQuery range, RowCallbackHandler rows) {
		for (String device : devices) {
			JdbcClient.StatementSpec statement = this.jdbc.sql(sql).param("device", device);
			if (range != null) {
				statement = statement.param("from", Jdbc.utc(range.from())).param("to", Jdbc.utc(range.to()));
			}
			statement.query(rows);
		}
	}

	private static boolean heardDuring(List<Instant> hours, List<Instant[]> windows) {
		for (Instant hour : hours) {
			Instant hourEnd = hour.plus(1, ChronoUnit.HOURS);
			for (Instant[] w : windows) {
				if (hour.isBefore(w[1]) && hourEnd.isAfter(w[0])) {
					return true;
				}
			}
		}
		return false;
	}

	private static Instant max(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	private static Instant min(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

	/** A posting and screen with scheduled windows (cut to the range) and no showing. */
	private static final class Expected {

		private final String postingId;

		private final String deviceId;

		private final List<Instant[]> windows = new ArrayList<>();

		private long firstVersion = Long.MAX_VALUE;

		Expected(String postingId, String deviceId) {
			this.postingId = postingId;
			this.deviceId = deviceId;
		}

	}

}
