package io.sunboard.server.report;

import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.sunboard.protocol.ManifestItem;
import io.sunboard.protocol.TimeWindow;
import io.sunboard.server.dispatch.ManifestPublished;
import io.sunboard.server.system.Jdbc;

/**
 * Records, from each published manifest, the windows in which the screen was told to show
 * each posting: a report's gaps are the screens that had such a window in its range and
 * showed nothing. Only the present and future are recorded (a manifest's earlier windows
 * of the day were never the screen's to play); a window the new manifest no longer
 * carries is forgotten if it had not begun, or cut short at the time of publishing.
 */
@Component
class ScheduledWindows {

	private final JdbcClient jdbc;

	ScheduledWindows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void onPublished(ManifestPublished published) {
		Instant now = published.publishedAt();
		String device = published.deviceId();
		List<Recorded> recorded = new ArrayList<>(this.jdbc
			.sql("select posting_id, starts_at, ends_at from scheduled_window where device_id = ? and ends_at > ?")
			.params(device, Jdbc.utc(now))
			.query((rs, row) -> new Recorded(rs.getString("posting_id"), Jdbc.instant(rs, "starts_at"),
					Jdbc.instant(rs, "ends_at")))
			.list());
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
						setEnd(device, match, w.end());
					}
				}
				else {
					Instant start = w.start().isBefore(now) ? now : w.start();
					this.jdbc
						.sql("insert into scheduled_window (device_id, posting_id, starts_at, ends_at, first_version)"
								+ " values (?, ?, ?, ?, ?)")
						.params(device, item.postingId(), Jdbc.utc(start), Jdbc.utc(w.end()), published.version())
						.update();
				}
			}
		}
		for (Recorded gone : recorded) {
			if (gone.start().isBefore(now)) {
				setEnd(device, gone, now);
			}
			else {
				this.jdbc.sql("delete from scheduled_window where device_id = ? and posting_id = ? and starts_at = ?")
					.params(device, gone.postingId(), Jdbc.utc(gone.start()))
					.update();
			}
		}
	}

	private void setEnd(String device, Recorded window, Instant end) {
		this.jdbc
			.sql("update scheduled_window set ends_at = ? where device_id = ? and posting_id = ? and starts_at = ?")
			.param(1, Jdbc.utc(end), Types.TIMESTAMP_WITH_TIMEZONE)
			.param(2, device)
			.param(3, window.postingId())
			.param(4, Jdbc.utc(window.start()), Types.TIMESTAMP_WITH_TIMEZONE)
			.update();
	}

	private record Recorded(String postingId, Instant start, Instant end) {

	}

}
