package io.sunboard.server.console;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Conversions between what HTML form inputs send (local date and time in the school's
 * zone) and the instants the services take.
 */
public final class ConsoleForms {

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	private ConsoleForms() {
	}

	/** A {@code datetime-local} value in the zone, or null when blank. */
	public static Instant instant(String value, ZoneId zone, String what) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDateTime.parse(value.strip()).atZone(zone).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException(what + " must be a date and time such as 2026-11-23T08:00");
		}
	}

	/** The start of a {@code date} value's day in the zone, or null when blank. */
	public static Instant startOfDay(String value, ZoneId zone, String what) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip()).atStartOfDay(zone).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException(what + " must be a date such as 2026-11-23");
		}
	}

	/** The value a {@code datetime-local} input shows for the instant. */
	public static String local(Instant instant, ZoneId zone) {
		return (instant != null) ? LOCAL.format(instant.atZone(zone)) : "";
	}

	public static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
