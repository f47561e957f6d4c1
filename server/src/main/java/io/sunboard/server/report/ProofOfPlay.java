package io.sunboard.server.report;

import java.time.Instant;
import java.util.List;

/** Where and how long a posting was shown, from the screens' own `played` events. */
public record ProofOfPlay(String postingId, String title, int screens, long plays, long totalSeconds,
		Instant firstShown, Instant lastShown, List<Screen> byScreen) {

	/** One screen's share. */
	public record Screen(String deviceId, String name, String schoolId, long plays, long totalSeconds,
			Instant firstShown, Instant lastShown) {

	}

}
