package io.sunboard.kiosk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sunboard.protocol.Attachment;
import io.sunboard.protocol.DeviceEvent;
import io.sunboard.protocol.JsonCodec;
import io.sunboard.protocol.MalformedMessageException;
import io.sunboard.protocol.Manifest;
import io.sunboard.protocol.ManifestItem;

/**
 * Takes manifests from the broker and swaps one in only when every item's content is on
 * disk and verified; until then the old manifest keeps playing. A newer manifest
 * supersedes one still being fetched. Fetches run on the fetch thread and retry with
 * backoff while the server is unreachable.
 */
final class ManifestUpdater {

	private static final Logger log = LoggerFactory.getLogger(ManifestUpdater.class);

	private final String deviceId;

	private final JsonCodec codec;

	private final ContentStore store;

	private final ContentSource fetcher;

	private final ManifestFile file;

	private final Player player;

	private final EventRecorder recorder;

	private final Clock clock;

	private final KioskThreads threads;

	private final Backoff backoff = Backoff.contentRetry();

	private final AtomicReference<Manifest> wanted = new AtomicReference<>();

	private final AtomicLong carriedRefused = new AtomicLong();

	private volatile Manifest applied;

	private volatile Runnable onApplied = () -> {
	};

	ManifestUpdater(String deviceId, JsonCodec codec, ContentStore store, ContentSource fetcher, ManifestFile file,
			Player player, EventRecorder recorder, Clock clock, KioskThreads threads) {
		this.deviceId = deviceId;
		this.codec = codec;
		this.store = store;
		this.fetcher = fetcher;
		this.file = file;
		this.player = player;
		this.recorder = recorder;
		this.clock = clock;
		this.threads = threads;
	}

	/**
	 * Called on the fetch thread after a new manifest went on screen: the moment the
	 * school changed something, so related data is worth fetching again.
	 */
	void onApplied(Runnable listener) {
		this.onApplied = listener;
	}

	/** Plays the manifest saved by the last run, before any network is up. */
	void restore() {
		this.file.load().filter((manifest) -> this.deviceId.equals(manifest.deviceId())).ifPresent((manifest) -> {
			this.applied = manifest;
			this.player.show(manifest);
			log.info("Playing cached manifest version {} ({} items) until the server's arrives", manifest.version(),
					manifest.items().size());
		});
	}

	/** A payload from the manifest topic (called on the inbox thread). */
	void received(byte[] payload) {
		if (payload.length == 0) {
			log.warn("The server cleared this device's manifest; keeping the current one on screen");
			return;
		}
		Manifest manifest;
		try {
			manifest = this.codec.decode(payload, Manifest.class);
		}
		catch (MalformedMessageException ex) {
			log.warn("Ignoring malformed manifest ({}); the current one keeps playing", ex.getMessage());
			return;
		}
		if (!this.deviceId.equals(manifest.deviceId())) {
			log.warn("Ignoring manifest for device {} received by device {}", manifest.deviceId(), this.deviceId);
			return;
		}
		this.wanted.set(manifest);
		this.backoff.reset();
		submit(manifest);
	}

	/**
	 * Fetches every document of the manifest on screen again and replaces the cached
	 * copies once verified, then drops everything else from the cache: the repair for a
	 * screen whose cache is suspect. Run on the fetch thread (it blocks), so it never
	 * interleaves with applying a new manifest. The old copies stay on screen until the
	 * new ones are in, and stay altogether when a fetch fails.
	 * @return how many documents were fetched
	 * @throws IOException when there is no manifest yet or a fetch failed
	 */
	int resync() throws IOException {
		Manifest current = this.applied;
		if (current == null) {
			throw new IOException("no manifest applied yet; nothing to resync");
		}
		Set<String> shas = shas(current);
		for (String sha256 : shas) {
			this.store.put(sha256, this.fetcher.fetch(sha256));
		}
		for (Attachment attachment : attachments(current)) {
			this.fetcher.fetchInto(attachment.sha256(), Attachment.MAX_SIZE, this.store);
			shas.add(attachment.sha256());
		}
		this.store.retainOnly(shas);
		this.player.show(current);
		log.info("Resynced manifest version {}: fetched {} documents again", current.version(), shas.size());
		return shas.size();
	}

	/** Version of the manifest on screen, -1 before any. */
	long appliedVersion() {
		Manifest current = this.applied;
		return (current != null) ? current.version() : -1;
	}

	private void submit(Manifest manifest) {
		try {
			this.threads.fetch().execute(() -> apply(manifest));
		}
		catch (RejectedExecutionException ex) {
			// closing
		}
	}

	private void apply(Manifest manifest) {
		if (this.wanted.get() != manifest) {
			return;
		}
		Manifest current = this.applied;
		boolean same = current != null && current.version() == manifest.version()
				&& current.contentHash().equals(manifest.contentHash());
		Set<String> missing = missingContent(manifest);
		try {
			for (String sha256 : missing) {
				if (this.wanted.get() != manifest) {
					return;
				}
				putContent(manifest, sha256);
			}
			if (!same) {
				this.file.save(manifest.withoutDocuments());
			}
		}
		catch (IOException ex) {
			retryLater(manifest, current, ex);
			return;
		}
		IOException attachmentFailure = fetchAttachments(manifest);
		if (same) {
			if (!missing.isEmpty()) {
				// Repaired a cache that lost files: let the player pick the items up
				// again.
				this.player.show(manifest);
			}
		}
		else {
			Set<String> keep = keep(manifest);
			// the carried documents are in the cache now; the manifest kept need not hold
			// them
			this.applied = manifest.withoutDocuments();
			this.player.show(this.applied);
			this.store.collectGarbage(keep);
			this.recorder.record(DeviceEvent.applied(EventIds.next(), this.clock.instant(), manifest.version()));
			log.info("Applied manifest version {} ({} items)", manifest.version(), manifest.items().size());
			this.onApplied.run();
		}
		if (attachmentFailure != null) {
			retryLater(manifest, manifest, attachmentFailure);
		}
	}

	/**
	 * Caches one missing document: the copy the manifest carried when it has the right
	 * hash, otherwise one fetched over HTTP.
	 */
	private void putContent(Manifest manifest, String sha256) throws IOException {
		String carried = manifest.documents().get(sha256);
		if (carried != null) {
			try {
				this.store.put(sha256, carried.getBytes(StandardCharsets.UTF_8));
				return;
			}
			catch (ContentStore.ContentMismatchException ex) {
				this.carriedRefused.incrementAndGet();
				log.warn(
						"Manifest version {} carried a document that does not match its hash ({}); fetching it instead",
						manifest.version(), ex.getMessage());
			}
		}
		this.store.put(sha256, this.fetcher.fetch(sha256));
	}

	/** Carried documents refused because they did not match their hash. */
	long carriedRefused() {
		return this.carriedRefused.get();
	}

	/**
	 * Attachments do not hold a manifest back: the postings play and can be opened
	 * without them, the detail page shows those that are on disk, and a failed fetch is
	 * retried with the same backoff.
	 * @return the first failure, or null when every attachment is on disk
	 */
	private IOException fetchAttachments(Manifest manifest) {
		for (Attachment attachment : attachments(manifest)) {
			if (this.wanted.get() != manifest) {
				return null;
			}
			if (this.store.contains(attachment.sha256())) {
				continue;
			}
			try {
				this.fetcher.fetchInto(attachment.sha256(), Attachment.MAX_SIZE, this.store);
			}
			catch (IOException ex) {
				return new IOException("attachment " + attachment.sha256() + ": " + ex.getMessage(), ex);
			}
		}
		return null;
	}

	/** The attachments the manifest's documents list, read from the cache. */
	private List<Attachment> attachments(Manifest manifest) {
		Map<String, Attachment> bySha = new LinkedHashMap<>();
		for (String sha256 : shas(manifest)) {
			this.store.load(sha256)
				.ifPresent((content) -> content.attachments().forEach((a) -> bySha.putIfAbsent(a.sha256(), a)));
		}
		return List.copyOf(bySha.values());
	}

	/** What the cache must keep for the manifest: its documents and their attachments. */
	private Set<String> keep(Manifest manifest) {
		Set<String> keep = shas(manifest);
		attachments(manifest).forEach((attachment) -> keep.add(attachment.sha256()));
		return keep;
	}

	private void retryLater(Manifest manifest, Manifest current, IOException failure) {
		Duration delay = this.backoff.nextDelay();
		log.warn("Cannot apply manifest version {}: {}; {} on screen, retrying in {} s", manifest.version(),
				failure.getMessage(), (current != null) ? "version " + current.version() + " stays" : "idle page stays",
				delay.toSeconds());
		try {
			this.threads.timer().schedule(() -> submit(manifest), delay.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException ex) {
			// closing
		}
	}

	private Set<String> missingContent(Manifest manifest) {
		Set<String> missing = new LinkedHashSet<>();
		for (String sha256 : shas(manifest)) {
			if (!this.store.contains(sha256)) {
				missing.add(sha256);
			}
		}
		return missing;
	}

	private static Set<String> shas(Manifest manifest) {
		Set<String> shas = new LinkedHashSet<>();
		for (ManifestItem item : manifest.items()) {
			shas.add(item.contentSha256());
		}
		return shas;
	}

}
