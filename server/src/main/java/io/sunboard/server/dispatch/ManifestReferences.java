package io.sunboard.server.dispatch;

import java.nio.charset.StandardCharsets;
import java.util.Map;
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
		return this.manifests.find(deviceId).map((stored) -> references(stored, sha256)).orElse(false);
	}

	private boolean references(DeviceManifestRepository.Stored stored, String sha256) {
		Decoded refs = this.decoded.get(stored.deviceId());
		if (refs == null || !refs.manifestHash().equals(stored.contentHash())) {
			Manifest manifest;
			try {
				manifest = this.codec.decode(stored.payload().getBytes(StandardCharsets.UTF_8), Manifest.class);
			}
			catch (MalformedMessageException ex) {
				return false;
			}
			refs = new Decoded(stored.contentHash(),
					manifest.items().stream().map(ManifestItem::contentSha256).collect(Collectors.toUnmodifiableSet()),
					manifest.items().stream().map(ManifestItem::postingId).collect(Collectors.toUnmodifiableSet()));
			this.decoded.put(stored.deviceId(), refs);
		}
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

	}

}
