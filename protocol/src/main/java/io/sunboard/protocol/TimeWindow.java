package io.sunboard.protocol;

import java.time.Instant;

/** A half-open interval [start, end) in which an item may be shown. */
public record TimeWindow(Instant start, Instant end) {

	public TimeWindow {
		Checks.present(start, "window.start");
		Checks.present(end, "window.end");
		if (!end.isAfter(start)) {
			throw new IllegalArgumentException("window.end must be after window.start; got " + start + " .. " + end);
		}
	}

	public boolean contains(Instant instant) {
		return !instant.isBefore(this.start) && instant.isBefore(this.end);
	}

}
