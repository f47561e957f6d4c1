package io.sunboard.server.dispatch;

import java.time.Instant;
import java.util.List;

import io.sunboard.protocol.ManifestItem;

/**
 * A device's new manifest version, one of a {@link ManifestsPublished}: proof-of-play
 * reports record which postings it was told to show when.
 */
public record ManifestPublished(String deviceId, long version, Instant publishedAt, List<ManifestItem> items) {

	public ManifestPublished {
		items = List.copyOf(items);
	}

}
