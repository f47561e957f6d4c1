package io.sunboard.server.dispatch;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import io.sunboard.protocol.JsonCodec;
import io.sunboard.protocol.MalformedMessageException;
import io.sunboard.protocol.ManifestItem;
import io.sunboard.protocol.PostingContent;
import io.sunboard.server.posting.ContentStore;
import io.sunboard.server.posting.PostingService;
import io.sunboard.templates.KindCatalog;
import io.sunboard.templates.KindDefinition;

/**
 * Picks the small content documents a dispatch carries in the manifests themselves, so a
 * screen shows a new notice without a download of its own. A region-wide posting made
 * every screen of the region fetch the same document within the same second: 10,000
 * requests, a fifth of the CPU the server and the screens spent before the last screen
 * applied it (docs/scaling.md, tenth session).
 * <p>
 * Carried are documents new to the school since this instance last dispatched it (the
 * others the screens have), of at most {@link #LARGEST} bytes, up to {@link #BUDGET}
 * bytes a manifest, without attachments (a screen fetches those anyway), and none of a
 * kind whose tables list pupils (admission results, awards: {@code pupilData} in the kind
 * catalog): those lists stay off the broker, which keeps retained manifests
 * (docs/security.md). Which documents travel changes no manifest's hash; a screen fetches
 * over HTTP whatever is not carried.
 */
@Component
public class CarriedDocuments {

	/** The largest document carried, in bytes. */
	static final int LARGEST = 4 * 1024;

	/** The documents of one manifest together, in bytes. */
	static final int BUDGET = 8 * 1024;

	/** Verdicts kept: documents are immutable, so a verdict never goes stale. */
	private static final int VERDICTS = 1024;

	private final ContentStore contents;

	private final JsonCodec codec;

	private final KindCatalog kinds;

	/** The documents each school's last dispatch on this instance listed. */
	private final Map<String, Set<String>> lastListed = new ConcurrentHashMap<>();

	private final Map<String, Optional<Carriable>> verdicts = Collections
		.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Optional<Carriable>> eldest) {
				return size() > VERDICTS;
			}
		});

	CarriedDocuments(ContentStore contents, JsonCodec codec, KindCatalog kinds) {
		this.contents = contents;
		this.codec = codec;
		this.kinds = kinds;
	}

	/**
	 * What this dispatch of the school may carry: the plan's documents that its last
	 * dispatch here did not list. Nothing before the first dispatch since start, when
	 * there is no telling what the screens have.
	 */
	Offer offer(String schoolId, SchoolPlan plan) {
		Set<String> before = this.lastListed.get(schoolId);
		if (before == null) {
			return Offer.NONE;
		}
		Map<String, Carriable> offered = new LinkedHashMap<>();
		for (String sha256 : listed(plan)) {
			if (!before.contains(sha256)) {
				carriable(sha256).ifPresent((c) -> offered.put(sha256, c));
			}
		}
		return offered.isEmpty() ? Offer.NONE : new Offer(offered);
	}

	/**
	 * Called once the school's dispatch committed: its documents are the screens' now.
	 */
	void dispatched(String schoolId, SchoolPlan plan) {
		this.lastListed.put(schoolId, listed(plan));
	}

	private static Set<String> listed(SchoolPlan plan) {
		return plan.entries().stream().map((e) -> e.posting().contentSha256()).collect(Collectors.toSet());
	}

	private Optional<Carriable> carriable(String sha256) {
		Optional<Carriable> known = this.verdicts.get(sha256);
		if (known == null) {
			known = this.contents.get(sha256).flatMap((content) -> verdict(content, this.codec, this.kinds));
			this.verdicts.put(sha256, known);
		}
		return known;
	}

	/**
	 * Whether a stored document may travel in manifests, and as what text: a posting's
	 * document, small, without attachments, of a kind that lists no pupils (an unknown
	 * kind counts as one that does), whose UTF-8 text gives back its exact bytes (the
	 * screen hashes the text it gets).
	 */
	static Optional<Carriable> verdict(ContentStore.Content content, JsonCodec codec, KindCatalog kinds) {
		byte[] bytes = content.bytes();
		if (!PostingService.CONTENT_MEDIA_TYPE.equals(content.mediaType()) || bytes.length > LARGEST) {
			return Optional.empty();
		}
		String text = new String(bytes, StandardCharsets.UTF_8);
		if (!Arrays.equals(text.getBytes(StandardCharsets.UTF_8), bytes)) {
			return Optional.empty();
		}
		try {
			PostingContent document = codec.decodeContent(bytes);
			boolean listsPupils = kinds.find(document.kind()).map(KindDefinition::pupilData).orElse(true);
			if (listsPupils || !document.attachments().isEmpty()) {
				return Optional.empty();
			}
		}
		catch (MalformedMessageException ex) {
			return Optional.empty();
		}
		return Optional.of(new Carriable(text, bytes.length));
	}

	/** A document that may travel, and its size in bytes. */
	record Carriable(String text, int bytes) {
	}

	/** The documents one school's dispatch may carry. */
	record Offer(Map<String, Carriable> documents) {

		static final Offer NONE = new Offer(Map.of());

		/**
		 * The documents a screen with these items gets, in play order, until the budget
		 * is spent.
		 */
		Map<String, String> forItems(List<ManifestItem> items) {
			if (this.documents.isEmpty()) {
				return Map.of();
			}
			Map<String, String> carried = new LinkedHashMap<>();
			int bytes = 0;
			for (ManifestItem item : items) {
				Carriable document = this.documents.get(item.contentSha256());
				if (document != null && !carried.containsKey(item.contentSha256())
						&& bytes + document.bytes() <= BUDGET) {
					carried.put(item.contentSha256(), document.text());
					bytes += document.bytes();
				}
			}
			return carried;
		}

	}

}
