package io.sunboard.kiosk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sunboard.protocol.Manifest;
import io.sunboard.protocol.ManifestItem;
import io.sunboard.protocol.PostingContent;

/**
 * A manifest reduced to the items whose content is on disk and readable, with the
 * school's name for the idle page. Checked once per swap, not per tick.
 *
 * @param manifest null before any manifest
 * @param schoolName null when no content names the school
 */
record Playlist(Manifest manifest, String schoolName) {

	private static final Logger log = LoggerFactory.getLogger(Playlist.class);

	static final Playlist EMPTY = new Playlist(null, null);

	static Playlist of(Manifest manifest, ContentStore store) {
		Map<String, Optional<PostingContent>> contents = new HashMap<>();
		List<ManifestItem> playable = new ArrayList<>();
		String schoolName = manifest.schoolName();
		for (ManifestItem item : manifest.items()) {
			Optional<PostingContent> content = contents.computeIfAbsent(item.contentSha256(), store::load);
			if (content.isEmpty()) {
				log.warn("Posting {} ({}) has no usable content on this screen; it will not play", item.postingId(),
						item.contentSha256());
				continue;
			}
			playable.add(item);
			String name = content.get().schoolName();
			if (schoolName == null && name != null && !name.isBlank()) {
				schoolName = name.strip();
			}
		}
		Manifest reduced = new Manifest(manifest.schema(), manifest.deviceId(), manifest.schoolId(),
				manifest.schoolName(), manifest.version(), manifest.contentHash(), manifest.generatedAt(), playable,
				manifest.regionId());
		return new Playlist(reduced, schoolName);
	}

}
