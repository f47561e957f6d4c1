package io.sunboard.server.compliance;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** The report year a request asks for: this year unless given, within sane bounds. */
public final class Years {

	/** Schools report in China's time; the current year is judged there. */
	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private Years() {
	}

	public static int resolve(Integer year, Clock clock) {
		if (year == null) {
			return LocalDate.ofInstant(clock.instant(), CHINA).getYear();
		}
		if (year < 2000 || year > 2100) {
			throw new IllegalArgumentException("year must be between 2000 and 2100, e.g. year=2026; got " + year);
		}
		return year;
	}

}
