package io.sunboard.protocol;

import java.util.List;

/**
 * One posting in a device's manifest: what to fetch (by content hash), how long each
 * showing lasts, and the windows in which it may show. Higher priority items play before
 * lower ones.
 */
public record ManifestItem(String postingId, String title, String kind, String contentSha256, int durationSeconds,
		int priority, List<TimeWindow> windows) {

	public static final int MAX_WINDOWS = 512;

	public ManifestItem {
		Ids.require(postingId, "item.postingId");
		Checks.text(title, "item.title", 500);
		Checks.text(kind, "item.kind", 64);
		Sha256.require(contentSha256, "item.contentSha256");
		if (durationSeconds < 1 || durationSeconds > 3600) {
			throw new IllegalArgumentException("item.durationSeconds must be 1-3600; got " + durationSeconds);
		}
		windows = Checks.list(windows, "item.windows", MAX_WINDOWS);
	}

}
