package io.sunboard.server.dispatch;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.sunboard.protocol.JsonCodec;
import io.sunboard.protocol.Manifest;
import io.sunboard.protocol.ManifestItem;
import io.sunboard.protocol.MalformedMessageException;

/**
 * What a screen may download: the content documents its latest manifest lists and the
 * attachments of those postings. A stolen kiosk's token then opens only what that kiosk
 * was showing anyway, not another school's files whose hashes it learned elsewhere.
 */
@Component
public class ManifestReferences {

	private final DeviceManifestRepository manifests;

	private final JdbcClient jdbc;

	private final JsonCodec codec;

	/**
	 * The decoded references of each screen's stored manifest, keyed by the screen and
	 * checked against the stored manifest's hash on every request: a fan-out makes every
	 * screen fetch at once, and decoding its manifest each time was a tenth of the cost.
	 */
	private final Map<String, Decoded> decoded = new ConcurrentHashMap<>();

	ManifestReferences(DeviceManifestRepository manifests, JdbcClient jdbc, JsonCodec codec) {
		this.manifests = manifests;
		this.jdbc = jdbc;
		this.codec = codec;
	}

	public boolean mayFetch(String deviceId, String sha256) {
		Optional<String> current = this.manifests.findContentHash(deviceId);
		if (current.isEmpty()) {
			return false;
		}
		Decoded refs = this.decoded.get(deviceId);
		if (refs == null || !refs.manifestHash().equals(current.get())) {
			// another instance dispatched it, or this one restarted: read the stored
			// bytes
			refs = this.manifests.find(deviceId).map(this::decode).orElse(null);
			if (refs == null) {
				return false;
			}
			this.decoded.put(deviceId, refs);
		}
		return references(refs, sha256);
	}

	/**
	 * Called by the dispatcher as it stores a new manifest, so the screen's first
	 * download after a fan-out does not read and decode the manifest it was just sent.
	 * Checked against the stored hash on use, so a rolled-back dispatch is harmless.
	 */
	void remember(String deviceId, String manifestHash, List<ManifestItem> items) {
		this.decoded.put(deviceId, Decoded.of(manifestHash, items));
	}

	private Decoded decode(DeviceManifestRepository.Stored stored) {
		try {
			return Decoded.of(stored.contentHash(),
					this.codec.decode(stored.payload().getBytes(StandardCharsets.UTF_8), Manifest.class).items());
		}
		catch (MalformedMessageException ex) {
			return null;
		}
	}

	private boolean references(Decoded refs, String sha256) {
		if (refs.contents().contains(sha256)) {
			return true;
		}
		Set<String> postings = refs.postings();
		return this.jdbc.sql("select posting_id from posting_attachment where sha256 = ?")
			.param(sha256)
			.query(String.class)
			.list()
			.stream()
			.anyMatch(postings::contains);
	}

	private record Decoded(String manifestHash, Set<String> contents, Set<String> postings) {

		static Decoded of(String manifestHash, List<ManifestItem> items) {
			return new Decoded(manifestHash,
					items.stream().map(ManifestItem::contentSha256).collect(Collectors.toUnmodifiableSet()),
					items.stream().map(ManifestItem::postingId).collect(Collectors.toUnmodifiableSet()));
		}

	}

}
