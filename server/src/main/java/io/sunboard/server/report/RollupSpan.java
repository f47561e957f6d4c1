package io.sunboard.server.report;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.sunboard.server.ingest.UtcMonth;
import io.sunboard.server.system.Jdbc;

/**
 * One piece of a UTC range and the play rollup that answers it: whole UTC months from
 * {@code play_monthly}, the whole days around them from {@code play_daily}, the hours at
 * either end from {@code play_hourly}. A year of a region is then twelve rows a posting
 * and screen plus the edges, not 365. Each span binds its bounds as {@code :fromN} and
 * {@code :toN}, N being its place in the list.
 */
public record RollupSpan(int index, String table, String column, Instant from, Instant to) {

	/**
	 * The spans of {@code [from, to)}, in order and never empty; {@code from} and
	 * {@code to} are whole UTC hours (the hourly rollup's grain).
	 */
	public static List<RollupSpan> of(String rollup, Instant from, Instant to) {
		List<RollupSpan> spans = new ArrayList<>();
		Instant dayFrom = from.truncatedTo(ChronoUnit.DAYS);
		if (dayFrom.isBefore(from)) {
			dayFrom = dayFrom.plus(1, ChronoUnit.DAYS);
		}
		Instant dayTo = to.truncatedTo(ChronoUnit.DAYS);
		if (!dayFrom.isBefore(dayTo)) {
			// no whole day inside: the hourly rollup covers all of it
			spans.add(new RollupSpan(0, rollup + "_hourly", "hour_start", from, to));
			return spans;
		}
		Instant monthFrom = UtcMonth.start(dayFrom).equals(dayFrom) ? dayFrom : UtcMonth.next(dayFrom);
		Instant monthTo = UtcMonth.start(dayTo);
		add(spans, rollup + "_hourly", "hour_start", from, dayFrom);
		if (monthFrom.isBefore(monthTo)) {
			add(spans, rollup + "_daily", "day_start", dayFrom, monthFrom);
			add(spans, rollup + "_monthly", "month_start", monthFrom, monthTo);
			add(spans, rollup + "_daily", "day_start", monthTo, dayTo);
		}
		else {
			add(spans, rollup + "_daily", "day_start", dayFrom, dayTo);
		}
		add(spans, rollup + "_hourly", "hour_start", dayTo, to);
		return spans;
	}

	/**
	 * The spans' rows as one {@code union all}: {@code branch} gives each span's select,
	 * which puts {@link #condition(String)} in its where clause.
	 */
	public static String union(List<RollupSpan> spans, Function<RollupSpan, String> branch) {
		return spans.stream().map(branch).collect(Collectors.joining(" union all "));
	}

	/**
	 * The rows of the screens of the schools bound as {@code :schools}, summed per span,
	 * school and {@code key} (a column of the rollup, aliased {@code r}); {@code sums}
	 * are the sum expressions over {@code r}. Joined from the schools' screens, so each
	 * span reads the (device, bucket) index and not all of the rollup.
	 */
	public static String unionOfSchools(List<RollupSpan> spans, String key, String sums) {
		return union(spans,
				(span) -> "select d.school_id, r." + key + ", " + sums + " from device d join " + span.table()
						+ " r on r.device_id = d.id where d.school_id in (:schools) and " + span.condition("r")
						+ " group by d.school_id, r." + key);
	}

	/** Binds every span's bounds. */
	public static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, List<RollupSpan> spans) {
		for (RollupSpan span : spans) {
			statement = statement.param("from" + span.index, Jdbc.utc(span.from))
				.param("to" + span.index, Jdbc.utc(span.to));
		}
		return statement;
	}

	/** The rows of this span of the rollup aliased {@code alias}. */
	public String condition(String alias) {
		return alias + "." + this.column + " >= :from" + this.index + " and " + alias + "." + this.column + " < :to"
				+ this.index;
	}

	private static void add(List<RollupSpan> spans, String table, String column, Instant from, Instant to) {
		if (from.isBefore(to)) {
			spans.add(new RollupSpan(spans.size(), table, column, from, to));
		}
	}

}
