package io.sunboard.server.report;

import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.sunboard.protocol.ManifestItem;
import io.sunboard.protocol.TimeWindow;
import io.sunboard.server.dispatch.ManifestPublished;
import io.sunboard.server.dispatch.ManifestsPublished;
import io.sunboard.server.system.Jdbc;

/**
 * Records, from each published manifest, the windows in which the screen was told to show
 * each posting: a report's gaps are the screens that had such a window in its range and
 * showed nothing. Only the present and future are recorded (a manifest's earlier windows
 * of the day were never the screen's to play); a window the new manifest no longer
 * carries is forgotten if it had not begun, or cut short at the time of publishing. Each
 * posting and screen pair's span (earliest start, latest end) grows with its windows, so
 * a report finds the pairs without reading every window.
 * <p>
 * A school's screens come as one batch: one query reads their open windows, and the
 * changes go out in three JDBC batches, so a region-wide fan-out does not wait on a round
 * trip per screen.
 */
@Component
class ScheduledWindows {

	private static final int TZ = Types.TIMESTAMP_WITH_TIMEZONE;

	private final JdbcClient jdbc;

	private final JdbcTemplate batches;

	ScheduledWindows(JdbcClient jdbc, JdbcTemplate batches) {
		this.jdbc = jdbc;
		this.batches = batches;
	}

	@EventListener
	void onPublished(ManifestsPublished batch) {
		if (batch.manifests().isEmpty()) {
			return;
		}
		Instant now = batch.manifests().get(0).publishedAt();
		Map<String, List<Recorded>> open = openWindows(
				batch.manifests().stream().map(ManifestPublished::deviceId).toList(), now);
		Changes changes = new Changes();
		for (ManifestPublished published : batch.manifests()) {
			reconcile(published, new ArrayList<>(open.getOrDefault(published.deviceId(), List.of())), changes);
		}
		changes.write(this.batches);
	}

	private Map<String, List<Recorded>> openWindows(List<String> devices, Instant now) {
		Map<String, List<Recorded>> open = new HashMap<>();
		this.jdbc
			.sql("select device_id, posting_id, starts_at, ends_at from scheduled_window"
					+ " where device_id in (:devices) and ends_at > :now")
			.param("devices", devices)
			.param("now", Jdbc.utc(now))
			.query((rs, row) -> {
				open.computeIfAbsent(rs.getString("device_id"), (d) -> new ArrayList<>())
					.add(new Recorded(rs.getString("posting_id"), Jdbc.instant(rs, "starts_at"),
							Jdbc.instant(rs, "ends_at")));
				return null;
			})
			.list();
		return open;
	}

	private static void reconcile(ManifestPublished published, List<Recorded> recorded, Changes changes) {
		Instant now = published.publishedAt();
		String device = published.deviceId();
		for (ManifestItem item : published.items()) {
			for (TimeWindow w : item.windows()) {
				if (!w.end().isAfter(now)) {
					continue;
				}
				Recorded match = recorded.stream()
					.filter((r) -> r.postingId().equals(item.postingId()) && r.start().isBefore(w.end())
							&& r.end().isAfter(w.start()))
					.findFirst()
					.orElse(null);
				if (match != null) {
					recorded.remove(match);
					if (!match.end().equals(w.end())) {
						changes.setEnd(device, match, w.end());
					}
				}
				else {
					Instant start = w.start().isBefore(now) ? now : w.start();
					changes.inserts.add(new Object[] { device, item.postingId(), Jdbc.utc(start), Jdbc.utc(w.end()),
							published.version() });
					changes.widen(device, item.postingId(), start, w.end());
				}
			}
		}
		for (Recorded gone : recorded) {
			if (gone.start().isBefore(now)) {
				changes.setEnd(device, gone, now);
			}
			else {
				changes.deletes.add(new Object[] { device, gone.postingId(), Jdbc.utc(gone.start()) });
			}
		}
	}

	private record Recorded(String postingId, Instant start, Instant end) {

	}

	private static final class Changes {

		private final List<Object[]> inserts = new ArrayList<>();

		private final List<Object[]> ends = new ArrayList<>();

		private final List<Object[]> deletes = new ArrayList<>();

		/**
		 * Posting and screen pairs whose span grows, in key order (the order rows lock
		 * in).
		 */
		private final Map<String, Instant[]> spans = new TreeMap<>();

		void setEnd(String device, Recorded window, Instant end) {
			this.ends.add(new Object[] { Jdbc.utc(end), device, window.postingId(), Jdbc.utc(window.start()) });
			if (end.isAfter(window.end())) {
				widen(device, window.postingId(), window.start(), end);
			}
		}

		void widen(String device, String posting, Instant start, Instant end) {
			this.spans.merge(device + "\n" + posting, new Instant[] { start, end },
					(a, b) -> new Instant[] { a[0].isBefore(b[0]) ? a[0] : b[0], a[1].isAfter(b[1]) ? a[1] : b[1] });
		}

		void write(JdbcTemplate jdbc) {
			if (!this.ends.isEmpty()) {
				jdbc.batchUpdate("update scheduled_window set ends_at = ? where device_id = ? and posting_id = ?"
						+ " and starts_at = ?", this.ends, new int[] { TZ, Types.VARCHAR, Types.VARCHAR, TZ });
			}
			if (!this.deletes.isEmpty()) {
				jdbc.batchUpdate(
						"delete from scheduled_window where device_id = ? and posting_id = ? and starts_at = ?",
						this.deletes, new int[] { Types.VARCHAR, Types.VARCHAR, TZ });
			}
			if (!this.inserts.isEmpty()) {
				jdbc.batchUpdate(
						"insert into scheduled_window (device_id, posting_id, starts_at, ends_at,"
								+ " first_version) values (?, ?, ?, ?, ?)",
						this.inserts, new int[] { Types.VARCHAR, Types.VARCHAR, TZ, TZ, Types.BIGINT });
			}
			writeSpans(jdbc);
		}

		private void writeSpans(JdbcTemplate jdbc) {
			if (this.spans.isEmpty()) {
				return;
			}
			List<Object[]> rows = new ArrayList<>();
			this.spans.forEach((key, span) -> {
				int cut = key.indexOf('\n');
				rows.add(new Object[] { Jdbc.utc(span[0]), Jdbc.utc(span[1]), key.substring(0, cut),
						key.substring(cut + 1) });
			});
			int[] types = { TZ, TZ, Types.VARCHAR, Types.VARCHAR };
			int[] updated = jdbc.batchUpdate("update scheduled_span set first_start = least(first_start, ?),"
					+ " last_end = greatest(last_end, ?) where device_id = ? and posting_id = ?", rows, types);
			List<Object[]> missing = new ArrayList<>();
			for (int i = 0; i < updated.length; i++) {
				if (updated[i] == 0) {
					missing.add(rows.get(i));
				}
			}
			if (!missing.isEmpty()) {
				jdbc.batchUpdate("insert into scheduled_span (first_start, last_end, device_id, posting_id)"
						+ " values (?, ?, ?, ?)", missing, types);
			}
		}

	}

}
