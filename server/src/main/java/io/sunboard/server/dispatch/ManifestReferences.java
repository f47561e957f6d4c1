package io.sunboard.server.dispatch;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BinaryOperator;
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

	/**
	 * How long a document listed in a manifest this instance dispatched, or checked
	 * against the stored one, is handed out without looking at the database again. A
	 * fan-out makes every screen download at once, within seconds of its manifest. Only
	 * the yes is trusted: a document not listed is checked against the stored manifest,
	 * so another instance's newer manifest is served at once, and the documents it
	 * dropped stay available from here for at most this long.
	 */
	static final Duration TRUSTED_FOR = Duration.ofSeconds(10);

	private final DeviceManifestRepository manifests;

	private final JdbcClient jdbc;

	private final JsonCodec codec;

	private final Clock clock;

	/**
	 * The decoded references of each screen's stored manifest, keyed by the screen: a
	 * fan-out makes every screen fetch at once, and decoding its manifest each time was a
	 * tenth of the cost, and reading its stored hash a quarter (JFR, 2026-12-04).
	 */
	private final Map<String, Decoded> decoded = new ConcurrentHashMap<>();

	ManifestReferences(DeviceManifestRepository manifests, JdbcClient jdbc, JsonCodec codec, Clock clock) {
		this.manifests = manifests;
		this.jdbc = jdbc;
		this.codec = codec;
		this.clock = clock;
	}

	public boolean mayFetch(String deviceId, String sha256) {
		Instant now = this.clock.instant();
		Decoded refs = this.decoded.get(deviceId);
		if (refs != null && now.isBefore(refs.trustedUntil()) && refs.contents().contains(sha256)) {
			return true;
		}
		// anything else is checked against the stored manifest: another instance may
		// have dispatched a newer one, whose documents the screen fetches right away
		Optional<String> current = this.manifests.findContentHash(deviceId);
		if (current.isEmpty()) {
			this.decoded.remove(deviceId);
			return false;
		}
		if (refs == null || !refs.manifestHash().equals(current.get())) {
			// another instance dispatched it, or this one restarted: read the stored
			// bytes
			refs = this.manifests.find(deviceId).map(this::decode).orElse(null);
			if (refs == null) {
				return false;
			}
		}
		// the dispatcher may have remembered a newer manifest since the read
		refs = this.decoded.merge(deviceId, refs.trustedUntil(now.plus(TRUSTED_FOR)), newer(now));
		return references(refs, sha256);
	}

	/**
	 * Keeps the entry held unless the one offered is as new, or the one held is no longer
	 * trusted: then the stored manifest is the truth, even with a lower version.
	 */
	private static BinaryOperator<Decoded> newer(Instant now) {
		return (held, offered) -> (held.version() > offered.version() && now.isBefore(held.trustedUntil())) ? held
				: offered;
	}

	/**
	 * Called by the dispatcher once a new manifest is committed, before it is published,
	 * so the screen's download right after does not read and decode the manifest it was
	 * just sent. A newer version remembered meanwhile (the school dispatched again on
	 * another lane) is kept.
	 */
	void remember(String deviceId, long version, String manifestHash, List<ManifestItem> items) {
		Instant now = this.clock.instant();
		this.decoded.merge(deviceId, Decoded.of(version, manifestHash, items).trustedUntil(now.plus(TRUSTED_FOR)),
				newer(now));
	}

	private Decoded decode(DeviceManifestRepository.Stored stored) {
		try {
			return Decoded.of(stored.version(), stored.contentHash(),
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

	private record Decoded(long version, String manifestHash, Set<String> contents, Set<String> postings,
			Instant trustedUntil) {

		static Decoded of(long version, String manifestHash, List<ManifestItem> items) {
			return new Decoded(version, manifestHash,
					items.stream().map(ManifestItem::contentSha256).collect(Collectors.toUnmodifiableSet()),
					items.stream().map(ManifestItem::postingId).collect(Collectors.toUnmodifiableSet()), Instant.MIN);
		}

		Decoded trustedUntil(Instant until) {
			return new Decoded(this.version, this.manifestHash, this.contents, this.postings, until);
		}

	}

}
