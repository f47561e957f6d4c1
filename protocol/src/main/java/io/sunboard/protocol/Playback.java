package io.sunboard.protocol;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Which manifest items may be on screen at an instant. Shared by the kiosk (which plays
 * them round robin) and the server (which answers "now and next" for the console), so
 * both read a manifest the same way.
 */
public final class Playback {

	private static final Comparator<ManifestItem> BY_PRIORITY = Comparator.comparingInt(ManifestItem::priority)
		.reversed();

	private Playback() {
	}

	/**
	 * Items whose windows contain {@code at}, in play order: higher priority first, then
	 * manifest order.
	 * @param manifest null before any manifest
	 */
	public static List<ManifestItem> eligible(Manifest manifest, Instant at) {
		if (manifest == null) {
			return List.of();
		}
		return manifest.items()
			.stream()
			.filter((item) -> item.windows().stream().anyMatch((window) -> window.contains(at)))
			.sorted(BY_PRIORITY)
			.toList();
	}

	/**
	 * The instants in {@code (from, until]} at which the eligible set may change: every
	 * window start and end in that range, in order.
	 */
	public static List<Instant> changesBetween(Manifest manifest, Instant from, Instant until) {
		TreeSet<Instant> changes = new TreeSet<>();
		if (manifest != null) {
			for (ManifestItem item : manifest.items()) {
				for (TimeWindow window : item.windows()) {
					addIfWithin(changes, window.start(), from, until);
					addIfWithin(changes, window.end(), from, until);
				}
			}
		}
		return new ArrayList<>(changes);
	}

	private static void addIfWithin(TreeSet<Instant> changes, Instant instant, Instant from, Instant until) {
		if (instant.isAfter(from) && !instant.isAfter(until)) {
			changes.add(instant);
		}
	}

}
