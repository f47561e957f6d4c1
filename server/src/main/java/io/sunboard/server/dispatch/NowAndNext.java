package io.sunboard.server.dispatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.sunboard.protocol.Manifest;
import io.sunboard.protocol.ManifestItem;
import io.sunboard.protocol.Playback;

/**
 * What a screen shows now and how that changes over the next hours, read from the
 * manifest it was sent with the kiosk's own rule ({@link Playback}). An empty list means
 * the school's default page.
 *
 * @param manifestVersion 0 when no manifest has been published to the screen yet
 */
public record NowAndNext(String deviceId, Instant at, Instant until, long manifestVersion, List<Shown> now,
		List<Change> next) {

	/** An item in the loop, in play order. */
	public record Shown(String postingId, String title, String kind, int priority, int durationSeconds) {

		static Shown of(ManifestItem item) {
			return new Shown(item.postingId(), item.title(), item.kind(), item.priority(), item.durationSeconds());
		}

	}

	/** From {@code at} on, the loop is {@code showing}. */
	public record Change(Instant at, List<Shown> showing) {
	}

	/** Pure: the same manifest and instants give the same answer. */
	public static NowAndNext of(String deviceId, Manifest manifest, Instant at, Instant until) {
		List<Shown> current = loop(manifest, at);
		List<Change> changes = new ArrayList<>();
		List<Shown> previous = current;
		for (Instant change : Playback.changesBetween(manifest, at, until)) {
			List<Shown> loop = loop(manifest, change);
			if (!loop.equals(previous)) {
				changes.add(new Change(change, loop));
				previous = loop;
			}
		}
		return new NowAndNext(deviceId, at, until, (manifest != null) ? manifest.version() : 0, current,
				List.copyOf(changes));
	}

	private static List<Shown> loop(Manifest manifest, Instant at) {
		return Playback.eligible(manifest, at).stream().map(Shown::of).toList();
	}

}
