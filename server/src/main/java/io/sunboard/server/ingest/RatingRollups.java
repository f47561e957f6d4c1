package io.sunboard.server.ingest;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.sunboard.protocol.DeviceEvent;
import io.sunboard.protocol.EventType;
import io.sunboard.server.system.Jdbc;

/**
 * Adds newly stored ratings to {@code rating_hourly}, {@code rating_daily} and
 * {@code rating_monthly} (posting x screen x UTC hour, day or month), in the transaction
 * that stored them, the way {@link PlayRollups} adds showings: the public evaluation of a
 * year then outlives the raw events, and adds twelve months a screen instead of every
 * rated hour.
 */
@Component
class RatingRollups {

	private static final Comparator<Key> ORDER = Comparator.comparing(Key::postingId)
		.thenComparing(Key::deviceId)
		.thenComparing(Key::hour);

	private final JdbcTemplate template;

	RatingRollups(JdbcTemplate template) {
		this.template = template;
	}

	/** Adds the new events of several devices, one batch of statements per rollup. */
	void add(List<BatchStore.Batch> stored) {
		// sorted, so two instances updating the same rows lock them in the same order
		Map<Key, long[]> hourly = new TreeMap<>(ORDER);
		Map<Key, long[]> daily = new TreeMap<>(ORDER);
		Map<Key, long[]> monthly = new TreeMap<>(ORDER);
		for (BatchStore.Batch batch : stored) {
			String deviceId = batch.deviceId();
			for (DeviceEvent e : batch.events()) {
				if (e.type() != EventType.RATING || e.helpful() == null || e.postingId() == null) {
					continue;
				}
				long helpful = e.helpful() ? 1 : 0;
				add(hourly, new Key(e.postingId(), deviceId, e.at().truncatedTo(ChronoUnit.HOURS)), helpful);
				add(daily, new Key(e.postingId(), deviceId, e.at().truncatedTo(ChronoUnit.DAYS)), helpful);
				add(monthly, new Key(e.postingId(), deviceId, UtcMonth.start(e.at())), helpful);
			}
		}
		upsert("rating_hourly", "hour_start", hourly);
		upsert("rating_daily", "day_start", daily);
		upsert("rating_monthly", "month_start", monthly);
	}

	private static void add(Map<Key, long[]> sums, Key key, long helpful) {
		long[] sum = sums.computeIfAbsent(key, (k) -> new long[2]);
		sum[0] += helpful;
		sum[1]++;
	}

	private void upsert(String table, String bucket, Map<Key, long[]> sums) {
		if (sums.isEmpty()) {
			return;
		}
		List<Map.Entry<Key, long[]>> entries = new ArrayList<>(sums.entrySet());
		int[] updated = this.template.batchUpdate(
				"update " + table + " set helpful = helpful + ?, ratings = ratings + ?"
						+ " where posting_id = ? and device_id = ? and " + bucket + " = ?",
				entries, entries.size(), (ps, entry) -> bind(ps, entry))[0];
		List<Map.Entry<Key, long[]>> missing = new ArrayList<>();
		for (int i = 0; i < updated.length; i++) {
			if (updated[i] == 0) {
				missing.add(entries.get(i));
			}
		}
		if (!missing.isEmpty()) {
			// a concurrent insert by another instance fails on the key; the caller
			// retries
			this.template.batchUpdate("insert into " + table + " (helpful, ratings, posting_id, device_id, " + bucket
					+ ") values (?, ?, ?, ?, ?)", missing, missing.size(), (ps, entry) -> bind(ps, entry));
		}
	}

	/** Both statements take the sums first and the key last. */
	private static void bind(PreparedStatement ps, Map.Entry<Key, long[]> entry) throws SQLException {
		ps.setLong(1, entry.getValue()[0]);
		ps.setLong(2, entry.getValue()[1]);
		ps.setString(3, entry.getKey().postingId());
		ps.setString(4, entry.getKey().deviceId());
		ps.setObject(5, Jdbc.utc(entry.getKey().hour()), Types.TIMESTAMP_WITH_TIMEZONE);
	}

	private record Key(String postingId, String deviceId, Instant hour) {

	}

}
