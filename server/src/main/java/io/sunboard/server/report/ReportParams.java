package io.sunboard.server.report;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Reads a report's {@code from} and {@code to}: an ISO date in the reports' time zone
 * ({@code to} then means the end of that day) or an instant.
 */
final class ReportParams {

	private ReportParams() {
	}

	static ReportQuery query(String postingId, String schoolId, String regionId, String deviceId, String from,
			String to, ZoneId zone) {
		return ReportQuery.of(postingId, schoolId, regionId, deviceId, parse(from, "from", zone, false),
				parse(to, "to", zone, true));
	}

	static Instant parse(String value, String name, ZoneId zone, boolean endOfDay) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(
					"give '" + name + "' as a date (2026-11-01) or an instant" + " (2026-11-01T00:00:00Z)");
		}
		try {
			if (value.length() == 10) {
				LocalDate day = LocalDate.parse(value);
				return (endOfDay ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
			}
			return Instant.parse(value);
		}
		catch (DateTimeException ex) {
			throw new IllegalArgumentException("'" + name + "' must be a date such as 2026-11-01 or an instant such"
					+ " as 2026-11-01T00:00:00Z; got '" + value + "'");
		}
	}

}
