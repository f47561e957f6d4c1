package io.sunboard.server.ingest;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/**
 * The UTC months of the monthly play rollup, which its writers and readers must agree on.
 */
public final class UtcMonth {

	private UtcMonth() {
	}

	/** The start of the UTC month that {@code at} falls in. */
	public static Instant start(Instant at) {
		return at.atOffset(ZoneOffset.UTC)
			.with(TemporalAdjusters.firstDayOfMonth())
			.truncatedTo(ChronoUnit.DAYS)
			.toInstant();
	}

	/** The start of the UTC month after the one {@code at} falls in. */
	public static Instant next(Instant at) {
		return start(at).atOffset(ZoneOffset.UTC).plusMonths(1).toInstant();
	}

}
