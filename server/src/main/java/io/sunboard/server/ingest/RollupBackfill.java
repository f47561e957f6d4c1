package io.sunboard.server.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.sunboard.server.system.Jdbc;

/**
 * Fills the rollups V15 added from the finer ones already stored. The days and months are
 * UTC ones computed here, not with the database's {@code date_trunc}, which truncates in
 * the session's time zone (the server's).
 */
public final class RollupBackfill {

	private RollupBackfill() {
	}

	/**
	 * Adds every daily play row to its month, a UTC month per statement; run on an empty
	 * {@code play_monthly}.
	 */
	public static int playMonths(Connection connection) throws SQLException {
		Instant oldest;
		Instant newest;
		try (PreparedStatement range = connection
			.prepareStatement("select min(day_start) as oldest, max(day_start) as newest from play_daily");
				ResultSet rs = range.executeQuery()) {
			rs.next();
			oldest = Jdbc.instant(rs, "oldest");
			newest = Jdbc.instant(rs, "newest");
		}
		if (oldest == null) {
			return 0;
		}
		int rows = 0;
		try (PreparedStatement insert = connection.prepareStatement(
				"insert into play_monthly (posting_id, device_id, month_start, plays, duration_ms, first_at, last_at)"
						+ " select posting_id, device_id, ?, sum(plays), sum(duration_ms), min(first_at), max(last_at)"
						+ " from play_daily where day_start >= ? and day_start < ? group by posting_id, device_id")) {
			for (Instant month = UtcMonth.start(oldest); !month.isAfter(newest); month = UtcMonth.next(month)) {
				insert.setObject(1, Jdbc.utc(month), Types.TIMESTAMP_WITH_TIMEZONE);
				insert.setObject(2, Jdbc.utc(month), Types.TIMESTAMP_WITH_TIMEZONE);
				insert.setObject(3, Jdbc.utc(UtcMonth.next(month)), Types.TIMESTAMP_WITH_TIMEZONE);
				rows += insert.executeUpdate();
			}
		}
		return rows;
	}

	/**
	 * Adds every hourly rating row to its UTC day and month; run on empty
	 * {@code rating_daily} and {@code rating_monthly}. Ratings are sparse (a few per
	 * kiosk a day), so they are added up here rather than with a statement per day.
	 */
	public static int ratingDaysAndMonths(Connection connection) throws SQLException {
		Map<List<Object>, long[]> days = new HashMap<>();
		Map<List<Object>, long[]> months = new HashMap<>();
		try (PreparedStatement select = connection
			.prepareStatement("select posting_id, device_id, hour_start, helpful, ratings from rating_hourly");
				ResultSet rs = select.executeQuery()) {
			while (rs.next()) {
				Instant hour = Jdbc.instant(rs, "hour_start");
				long[] sum = { rs.getLong("helpful"), rs.getLong("ratings") };
				add(days, List.of(rs.getString("posting_id"), rs.getString("device_id"),
						hour.truncatedTo(ChronoUnit.DAYS)), sum);
				add(months, List.of(rs.getString("posting_id"), rs.getString("device_id"), UtcMonth.start(hour)), sum);
			}
		}
		return insert(connection, "rating_daily", "day_start", days)
				+ insert(connection, "rating_monthly", "month_start", months);
	}

	private static void add(Map<List<Object>, long[]> sums, List<Object> key, long[] sum) {
		sums.merge(key, sum, (a, b) -> new long[] { a[0] + b[0], a[1] + b[1] });
	}

	private static int insert(Connection connection, String table, String bucket, Map<List<Object>, long[]> sums)
			throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement("insert into " + table + " (posting_id, device_id, "
				+ bucket + ", helpful, ratings) values (?, ?, ?, ?, ?)")) {
			int n = 0;
			for (Map.Entry<List<Object>, long[]> e : sums.entrySet()) {
				insert.setString(1, (String) e.getKey().get(0));
				insert.setString(2, (String) e.getKey().get(1));
				insert.setObject(3, Jdbc.utc((Instant) e.getKey().get(2)), Types.TIMESTAMP_WITH_TIMEZONE);
				insert.setLong(4, e.getValue()[0]);
				insert.setLong(5, e.getValue()[1]);
				insert.addBatch();
				if (++n % 1000 == 0) {
					insert.executeBatch();
				}
			}
			insert.executeBatch();
			return n;
		}
	}

}
