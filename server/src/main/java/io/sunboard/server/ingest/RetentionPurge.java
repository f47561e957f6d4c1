package io.sunboard.server.ingest;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.sunboard.server.system.Jdbc;

/**
 * Deletes raw events, hourly rollups, presence hours and scheduled windows older than the
 * retention period. Daily rollups stay: they are the lasting proof of play. So do the
 * hourly rollups of 31 December and 1 January (UTC): a school's year begins at its local
 * midnight, inside one of those UTC days whatever its time zone, and the annual report
 * needs those hours to count a year exactly (about 0.5 % of the hourly rows). Safe to run
 * on several instances at once (each delete is idempotent).
 */
@Component
public class RetentionPurge {

	private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);

	private final JdbcClient jdbc;

	private final IngestSettings settings;

	private final Clock clock;

	RetentionPurge(JdbcClient jdbc, IngestSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${sunboard.ingest.purge-interval:PT1H}",
			initialDelayString = "${sunboard.ingest.purge-interval:PT1H}")
	void scheduled() {
		Purged purged = purge();
		if (purged.events() > 0) {
			log.info("Retention purge: {}", purged);
		}
	}

	/** Purges everything older than now minus the retention period. */
	public Purged purge() {
		Instant cutoff = this.clock.instant().minus(this.settings.retention());
		int events = delete("delete from device_event where occurred_at < ?", cutoff);
		int hourly = deleteHourly(cutoff);
		int presence = delete("delete from device_presence where hour_start < ?", cutoff);
		int windows = delete("delete from scheduled_window where ends_at < ?", cutoff);
		// a pair whose windows all ended before the cutoff has none left
		delete("delete from scheduled_span where last_end < ?", cutoff);
		return new Purged(cutoff, events, hourly, presence, windows);
	}

	/**
	 * Year by year from the oldest row, sparing the UTC days around each New Year; each
	 * delete is a range on the hour index.
	 */
	private int deleteHourly(Instant cutoff) {
		// min() of no rows is one row holding null
		Optional<Instant> found = this.jdbc
			.sql("select min(hour_start) as oldest from play_hourly where hour_start < ?")
			.param(Jdbc.utc(cutoff))
			.query((rs, row) -> Optional.ofNullable(Jdbc.instant(rs, "oldest")))
			.single();
		if (found.isEmpty()) {
			return 0;
		}
		Instant oldest = found.get();
		int deleted = 0;
		for (int year = oldest.atZone(ZoneOffset.UTC).getYear(); year <= cutoff.atZone(ZoneOffset.UTC)
			.getYear(); year++) {
			Instant from = LocalDate.of(year, 1, 2).atStartOfDay(ZoneOffset.UTC).toInstant();
			Instant to = LocalDate.of(year, 12, 31).atStartOfDay(ZoneOffset.UTC).toInstant();
			if (to.isAfter(cutoff)) {
				to = cutoff;
			}
			if (from.isBefore(to)) {
				deleted += this.jdbc.sql("delete from play_hourly where hour_start >= ? and hour_start < ?")
					.params(Jdbc.utc(from), Jdbc.utc(to))
					.update();
			}
		}
		return deleted;
	}

	private int delete(String sql, Instant cutoff) {
		return this.jdbc.sql(sql).param(Jdbc.utc(cutoff)).update();
	}

	/** What one purge deleted: rows older than {@code cutoff}. */
	public record Purged(Instant cutoff, int events, int hourlyRollups, int presenceHours, int scheduledWindows) {

	}

}
