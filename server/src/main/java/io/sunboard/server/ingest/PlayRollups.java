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

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.sunboard.protocol.DeviceEvent;
import io.sunboard.protocol.EventType;
import io.sunboard.server.system.Jdbc;

/**
 * Adds newly stored showings to the hourly, daily and monthly rollups (posting x screen x
 * UTC hour, day or month), in the transaction that stored them. Sums and min/max commute,
 * so duplicates (never passed in) and late or out-of-order batches leave the rollups
 * exact.
 * <p>
 * A played-summary (showings a screen folded when its journal was full) counts as its
 * {@code count} showings in the bucket of its first showing.
 */
@Component
class PlayRollups {

	private static final Comparator<Key> ORDER = Comparator.comparing(Key::postingId)
		.thenComparing(Key::deviceId)
		.thenComparing(Key::bucket);

	private final JdbcTemplate template;

	PlayRollups(JdbcTemplate template) {
		this.template = template;
	}

	/** Adds the new events of several devices, one batch of statements per rollup. */
	void add(List<BatchStore.Batch> stored) {
		// sorted, so two instances updating the same rows lock them in the same order
		Map<Key, Sum> hourly = new TreeMap<>(ORDER);
		Map<Key, Sum> daily = new TreeMap<>(ORDER);
		Map<Key, Sum> monthly = new TreeMap<>(ORDER);
		for (BatchStore.Batch batch : stored) {
			String deviceId = batch.deviceId();
			for (DeviceEvent e : batch.events()) {
				if (e.type() != EventType.PLAYED && e.type() != EventType.PLAYED_SUMMARY) {
					continue;
				}
				long plays = (e.type() == EventType.PLAYED_SUMMARY) ? e.count() : 1;
				Sum sum = new Sum(plays, e.durationMs(), e.at(), (e.lastAt() != null) ? e.lastAt() : e.at());
				hourly.merge(new Key(e.postingId(), deviceId, e.at().truncatedTo(ChronoUnit.HOURS)), sum, Sum::plus);
				daily.merge(new Key(e.postingId(), deviceId, e.at().truncatedTo(ChronoUnit.DAYS)), sum, Sum::plus);
				monthly.merge(new Key(e.postingId(), deviceId, UtcMonth.start(e.at())), sum, Sum::plus);
			}
		}
		upsert("play_hourly", "hour_start", hourly);
		upsert("play_daily", "day_start", daily);
		upsert("play_monthly", "month_start", monthly);
	}

	private void upsert(String table, String bucket, Map<Key, Sum> sums) {
		if (sums.isEmpty()) {
			return;
		}
		List<Map.Entry<Key, Sum>> entries = new ArrayList<>(sums.entrySet());
		int[] updated = this.template.batchUpdate("update " + table + " set plays = plays + ?,"
				+ " duration_ms = duration_ms + ?, first_at = least(first_at, ?), last_at = greatest(last_at, ?)"
				+ " where posting_id = ? and device_id = ? and " + bucket + " = ?", new Batch(entries));
		List<Map.Entry<Key, Sum>> missing = new ArrayList<>();
		for (int i = 0; i < updated.length; i++) {
			if (updated[i] == 0) {
				missing.add(entries.get(i));
			}
		}
		if (!missing.isEmpty()) {
			// a concurrent insert of the same row by another instance fails on the key;
			// the caller retries the transaction, whose update then finds the row
			this.template.batchUpdate("insert into " + table + " (plays, duration_ms, first_at, last_at, posting_id,"
					+ " device_id, " + bucket + ") values (?, ?, ?, ?, ?, ?, ?)", new Batch(missing));
		}
	}

	private record Key(String postingId, String deviceId, Instant bucket) {

	}

	private record Sum(long plays, long durationMs, Instant first, Instant last) {

		Sum plus(Sum other) {
			return new Sum(this.plays + other.plays, this.durationMs + other.durationMs,
					this.first.isBefore(other.first) ? this.first : other.first,
					this.last.isAfter(other.last) ? this.last : other.last);
		}

	}

	/** Both statements take the sums first and the key last. */
	private record Batch(List<Map.Entry<Key, Sum>> entries) implements BatchPreparedStatementSetter {

		@Override
		public void setValues(PreparedStatement ps, int i) throws SQLException {
			Key key = this.entries.get(i).getKey();
			Sum sum = this.entries.get(i).getValue();
			ps.setLong(1, sum.plays());
			ps.setLong(2, sum.durationMs());
			ps.setObject(3, Jdbc.utc(sum.first()), Types.TIMESTAMP_WITH_TIMEZONE);
			ps.setObject(4, Jdbc.utc(sum.last()), Types.TIMESTAMP_WITH_TIMEZONE);
			ps.setString(5, key.postingId());
			ps.setString(6, key.deviceId());
			ps.setObject(7, Jdbc.utc(key.bucket()), Types.TIMESTAMP_WITH_TIMEZONE);
		}

		@Override
		public int getBatchSize() {
			return this.entries.size();
		}

	}

}
