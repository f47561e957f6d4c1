package io.sunboard.protocol;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;

/**
 * Reads the instants every Sunboard peer writes ({@code 2026-12-03T17:40:08.123Z}, UTC, 0
 * to 9 fraction digits) without {@code DateTimeFormatter}, whose general parser was a
 * third of the server's JSON decoding of event batches. Anything else (offsets, leap
 * seconds, numbers, nonsense) goes to Jackson's own deserializer, so what was accepted or
 * refused before still is.
 */
final class IsoInstantDeserializer extends StdDeserializer<Instant> {

	private static final int[] SCALE = { 1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000,
			1_000_000_000 };

	IsoInstantDeserializer() {
		super(Instant.class);
	}

	@Override
	public Instant deserialize(JsonParser p, DeserializationContext ctxt) {
		if (p.currentToken() == JsonToken.VALUE_STRING) {
			Instant instant = parseUtc(p.getString());
			if (instant != null) {
				return instant;
			}
		}
		return InstantDeserializer.INSTANT.deserialize(p, ctxt);
	}

	/**
	 * {@code yyyy-MM-ddTHH:mm:ss[.f]Z} with a four-digit year, or null when the text has
	 * another form or an impossible date.
	 */
	static Instant parseUtc(String s) {
		int n = s.length();
		if (n < 20 || n > 30 || s.charAt(n - 1) != 'Z' || s.charAt(4) != '-' || s.charAt(7) != '-'
				|| s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':') {
			return null;
		}
		int year = digits(s, 0, 4);
		int month = digits(s, 5, 2);
		int day = digits(s, 8, 2);
		int hour = digits(s, 11, 2);
		int minute = digits(s, 14, 2);
		int second = digits(s, 17, 2);
		if ((year | month | day | hour | minute | second) < 0 || hour > 23 || minute > 59 || second > 59) {
			return null;
		}
		int nanos = 0;
		if (n > 20) {
			int fraction = n - 21;
			if (s.charAt(19) != '.' || fraction < 1 || fraction > 9) {
				return null;
			}
			int value = digits(s, 20, fraction);
			if (value < 0) {
				return null;
			}
			nanos = value * SCALE[9 - fraction];
		}
		try {
			long day0 = LocalDate.of(year, month, day).toEpochDay();
			return Instant.ofEpochSecond(day0 * 86_400 + hour * 3_600 + minute * 60 + second, nanos);
		}
		catch (DateTimeException ex) {
			return null; // 31 April and the like: Jackson's deserializer says why
		}
	}

	/** The decimal value of {@code length} ASCII digits, or -1. */
	private static int digits(String s, int from, int length) {
		int value = 0;
		for (int i = from; i < from + length; i++) {
			char c = s.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

}
