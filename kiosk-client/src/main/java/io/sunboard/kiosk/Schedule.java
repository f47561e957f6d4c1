package io.sunboard.kiosk;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.sunboard.protocol.Manifest;
import io.sunboard.protocol.ManifestItem;
import io.sunboard.protocol.Playback;

/**
 * What the screen shows at an instant: a pure function of the manifest, the time and what
 * is showing, so it is tested with fixed instants.
 * <p>
 * Items whose windows contain {@code now} play in turn, higher priority first, then in
 * manifest order, each for its duration, round robin. An item that leaves its window (or
 * the manifest) leaves the screen at once, without waiting for its duration.
 */
final class Schedule {

	private Schedule() {
	}

	/**
	 * @param manifest null before any manifest
	 * @param current what is showing, null for the idle page
	 */
	static Selection choose(Manifest manifest, Instant now, Showing current) {
		List<ManifestItem> eligible = eligible(manifest, now);
		if (current == null) {
			return eligible.isEmpty() ? Selection.IDLE : Selection.start(new Showing(eligible.get(0), 0, now));
		}
		int index = indexOf(eligible, current.item().postingId());
		Duration elapsed = Duration.between(current.since(), now);
		Duration duration = Duration.ofSeconds(current.item().durationSeconds());
		if (index >= 0 && elapsed.isNegative()) {
			// The clock went back (a time sync); restart the showing rather than guess.
			return Selection.start(new Showing(eligible.get(index), index, now));
		}
		if (index >= 0 && elapsed.compareTo(duration) < 0) {
			// Continues; the item is refreshed in case a new manifest changed its
			// content.
			return new Selection(new Showing(eligible.get(index), index, current.since()), null);
		}
		boolean completed = elapsed.compareTo(duration) >= 0;
		Ended ended = new Ended(current.item(), current.since(),
				completed ? current.since().plus(duration) : max(now, current.since()), completed);
		if (eligible.isEmpty()) {
			return new Selection(null, ended);
		}
		// After the current item comes the next one; when the current item is gone, the
		// one that moved into its place.
		int next = (index >= 0) ? (index + 1) % eligible.size()
				: ((current.index() < eligible.size()) ? current.index() : 0);
		return new Selection(new Showing(eligible.get(next), next, now), ended);
	}

	/** Items whose windows contain {@code now}, in play order (see {@link Playback}). */
	static List<ManifestItem> eligible(Manifest manifest, Instant now) {
		return Playback.eligible(manifest, now);
	}

	private static int indexOf(List<ManifestItem> items, String postingId) {
		for (int i = 0; i < items.size(); i++) {
			if (items.get(i).postingId().equals(postingId)) {
				return i;
			}
		}
		return -1;
	}

	private static Instant max(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	/** An item on screen since {@code since}, at {@code index} in the play order. */
	record Showing(ManifestItem item, int index, Instant since) {
	}

	/** A showing that has just ended; {@code completed} when it ran its full duration. */
	record Ended(ManifestItem item, Instant since, Instant until, boolean completed) {

		Duration duration() {
			return Duration.between(this.since, this.until);
		}

	}

	/**
	 * The choice at one instant.
	 *
	 * @param showing null for the idle page
	 * @param ended the showing that ended at this instant, if any
	 */
	record Selection(Showing showing, Ended ended) {

		static final Selection IDLE = new Selection(null, null);

		static Selection start(Showing showing) {
			return new Selection(showing, null);
		}

		boolean idle() {
			return this.showing == null;
		}

	}

}
