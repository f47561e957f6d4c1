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

	GapFinder(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<ProofOfPlayReport.Gap> find(ReportQuery query, List<ProofOfPlayReport.Row> shown) {
		Set<String> played = new HashSet<>();
		shown.forEach((r) -> played.add(r.postingId() + "\n" + r.deviceId()));
		Map<String, Expected> expected = new LinkedHashMap<>();
		// first one row per posting and screen (cheap over a year of windows), then the
		// windows of the few that showed nothing
		this.jdbc
			.sql("select w.posting_id, p.title, w.device_id, d.name, d.school_id, min(w.first_version) as first_version"
					+ " from scheduled_window w join device d on d.id = w.device_id join posting p on p.id = w.posting_id"
					+ " where w.starts_at < :to and w.ends_at > :from and "
					+ ReportFilter.condition(query.subject(), "w")
					+ " group by w.posting_id, p.title, w.device_id, d.name, d.school_id"
					+ " order by w.posting_id, w.device_id")
			.param("from", Jdbc.utc(query.from()))
			.param("to", Jdbc.utc(query.to()))
			.param("subject", query.id())
			.query((ResultSet rs) -> {
				String key = rs.getString("posting_id") + "\n" + rs.getString("device_id");
				if (!played.contains(key)) {
					Expected e = new Expected(rs.getString("posting_id"), rs.getString("title"),
							rs.getString("device_id"), rs.getString("name"), rs.getString("school_id"));
					e.firstVersion = rs.getLong("first_version");
					expected.put(key, e);
				}
			});
		if (expected.isEmpty()) {
			return List.of();
		}
		Set<String> devices = new HashSet<>();
		expected.values().forEach((e) -> devices.add(e.deviceId));
		this.jdbc
			.sql("select device_id, posting_id, starts_at, ends_at from scheduled_window where device_id in (:devices)"
					+ " and starts_at < :to and ends_at > :from order by starts_at")
			.param("devices", devices)
			.param("from", Jdbc.utc(query.from()))
			.param("to", Jdbc.utc(query.to()))
			.query((ResultSet rs) -> {
				Expected e = expected.get(rs.getString("posting_id") + "\n" + rs.getString("device_id"));
				if (e != null) {
					e.windows.add(new Instant[] { max(Jdbc.instant(rs, "starts_at"), query.from()),
							min(Jdbc.instant(rs, "ends_at"), query.to()) });
				}
			});
		Map<String, List<Instant>> presence = presence(devices, query);
		Map<String, Long> applied = applied(devices);
		List<ProofOfPlayReport.Gap> gaps = new ArrayList<>();
		for (Expected e : expected.values()) {
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
			gaps.add(new ProofOfPlayReport.Gap(e.postingId, e.title, e.deviceId, e.deviceName, e.schoolId, reason,
					e.windows.get(0)[0], e.windows.stream().map((w) -> w[1]).max(Instant::compareTo).orElseThrow()));
		}
		return gaps;
	}

	private Map<String, List<Instant>> presence(Set<String> devices, ReportQuery query) {
		Map<String, List<Instant>> hours = new HashMap<>();
		this.jdbc
			.sql("select device_id, hour_start from device_presence where device_id in (:devices)"
					+ " and hour_start >= :from and hour_start < :to")
			.param("devices", devices)
			.param("from", Jdbc.utc(query.from()))
			.param("to", Jdbc.utc(query.to()))
			.query((ResultSet rs) -> {
				hours.computeIfAbsent(rs.getString(1), (k) -> new ArrayList<>()).add(Jdbc.instant(rs, "hour_start"));
			});
		return hours;
	}

	/** The highest manifest version each screen reported applied (heartbeat or event). */
	private Map<String, Long> applied(Set<String> devices) {
		Map<String, Long> versions = new HashMap<>();
		this.jdbc
			.sql("select device_id, applied_manifest_version as v from device_state where device_id in (:devices)"
					+ " union all select device_id, max(manifest_version) as v from device_event"
					+ " where type = 'APPLIED' and device_id in (:devices) group by device_id")
			.param("devices", devices)
			.query((ResultSet rs) -> {
				versions.merge(rs.getString(1), rs.getLong(2), Math::max);
			});
		return versions;
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

		private final String title;

		private final String deviceId;

		private final String deviceName;

		private final String schoolId;

		private final List<Instant[]> windows = new ArrayList<>();

		private long firstVersion = Long.MAX_VALUE;

		Expected(String postingId, String title, String deviceId, String deviceName, String schoolId) {
			this.postingId = postingId;
			this.title = title;
			this.deviceId = deviceId;
			this.deviceName = deviceName;
			this.schoolId = schoolId;
		}

	}

}
