package io.sunboard.kiosk;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import io.sunboard.protocol.Attachment;
import io.sunboard.protocol.ContentTable;
import io.sunboard.protocol.ManifestItem;
import io.sunboard.protocol.PostingContent;
import io.sunboard.templates.PostingRenderer;

/**
 * What a visitor can browse on a touch kiosk: the postings the player may show now (same
 * rule, same clock, so an ended period takes a posting off the list, the search and the
 * detail page even offline), grouped by kind, searched, rendered in the visitor's
 * language. Everything comes from the local cache; search runs over the masked text the
 * screen shows, never over the personal data the document holds.
 */
final class TouchCatalog {

	/** A search longer than this is not a person typing on a kiosk. */
	static final int MAX_QUERY = 100;

	private static final int SNIPPET = 60;

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);

	private final Player player;

	private final ContentStore store;

	private final PostingRenderer renderer;

	private final KioskConfig config;

	/**
	 * Masked documents by content hash, decoded and masked once per hash (they are
	 * immutable) for list and search. Only the masked copy is kept: the heap is small,
	 * and the raw document is read again from disk for the one posting being opened.
	 */
	private final Map<String, PostingContent> masked = new ConcurrentHashMap<>();

	TouchCatalog(Player player, ContentStore store, PostingRenderer renderer, KioskConfig config) {
		this.player = player;
		this.store = store;
		this.renderer = renderer;
		this.config = config;
	}

	/** A posting a visitor may open now, with its masked document. */
	record Entry(ManifestItem item, PostingContent content, String kind) {

	}

	/** One line of a list or of search results. */
	record Line(String postingId, String title, String kind, String kindLabel, String periodEnd, String match) {

	}

	record Category(String kind, String label, int count) {

	}

	/**
	 * Postings on this kiosk now, in play order, one entry per posting. A document whose
	 * own period has ended is left out too, should a manifest's windows ever outlast it.
	 */
	List<Entry> entries() {
		Instant now = this.player.instant();
		List<ManifestItem> items = this.player.browsable();
		Set<String> current = items.stream().map(ManifestItem::contentSha256).collect(Collectors.toSet());
		this.masked.keySet().retainAll(current);
		Map<String, Entry> byPosting = new LinkedHashMap<>();
		for (ManifestItem item : items) {
			if (byPosting.containsKey(item.postingId())) {
				continue;
			}
			PostingContent view = this.masked.get(item.contentSha256());
			if (view == null) {
				Optional<PostingContent> content = this.store.load(item.contentSha256());
				if (content.isEmpty()) {
					continue;
				}
				view = this.renderer.publicView(content.get());
				this.masked.put(item.contentSha256(), view);
			}
			if (!now.isBefore(view.publicityEnd())) {
				continue;
			}
			byPosting.put(item.postingId(),
					new Entry(item, view, this.renderer.kinds().forRendering(view.kind()).id()));
		}
		return List.copyOf(byPosting.values());
	}

	/** Kinds present now with how many postings each, in the kind catalogue's order. */
	List<Category> categories(Locale locale) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (Entry entry : entries()) {
			counts.merge(entry.kind(), 1, Integer::sum);
		}
		List<Category> categories = new ArrayList<>();
		for (String kind : this.renderer.kinds().ids()) {
			Integer count = counts.get(kind);
			if (count != null) {
				categories.add(new Category(kind, this.renderer.kindLabel(kind, locale), count));
			}
		}
		return categories;
	}

	List<Line> list(String kind, Locale locale) {
		return entries().stream()
			.filter((entry) -> entry.kind().equals(kind))
			.map((entry) -> line(entry, locale, null))
			.toList();
	}

	/**
	 * Postings whose title, body, field or table text holds every word of the query,
	 * ignoring case, each with the first text that matched.
	 */
	List<Line> search(String query, Locale locale) {
		List<String> words = List.of(query.strip().toLowerCase(Locale.ROOT).split("\\s+"));
		if (words.isEmpty() || words.get(0).isEmpty()) {
			return List.of();
		}
		List<Line> lines = new ArrayList<>();
		for (Entry entry : entries()) {
			List<String> texts = texts(entry.content());
			String all = String.join("\n", texts).toLowerCase(Locale.ROOT);
			if (words.stream().allMatch(all::contains)) {
				lines.add(line(entry, locale, snippet(texts, words.get(0))));
			}
		}
		return lines;
	}

	/** The posting's page in the visitor's language; empty when it is not here now. */
	Optional<Detail> detail(String postingId, Locale locale) {
		return entries().stream()
			.filter((entry) -> entry.item().postingId().equals(postingId))
			.findFirst()
			.flatMap((entry) -> this.store.load(entry.item().contentSha256())
				.map((content) -> new Detail(entry.content().title(),
						this.renderer.renderPosting(content, this.config.renderContext(locale)),
						entry.content()
							.attachments()
							.stream()
							.filter((a) -> this.store.contains(a.sha256()))
							.toList())));
	}

	/** A rendered page and the attachments on disk, for the detail view. */
	record Detail(String title, String html, List<Attachment> attachments) {

	}

	/**
	 * An attachment of a posting a visitor may open now, verified; empty for anything
	 * else, so the player server never hands out a file by a guessed hash.
	 */
	Optional<Served> attachment(String sha256) {
		for (Entry entry : entries()) {
			for (Attachment attachment : entry.content().attachments()) {
				if (attachment.sha256().equals(sha256)) {
					return this.store.verifiedFile(sha256).map((file) -> new Served(attachment, file));
				}
			}
		}
		return Optional.empty();
	}

	record Served(Attachment attachment, Path file) {

	}

	private Line line(Entry entry, Locale locale, String match) {
		PostingContent content = entry.content();
		String end = DATE.format(content.publicityEnd().atZone(zone(content.timeZone())));
		return new Line(entry.item().postingId(), content.title(), entry.kind(),
				this.renderer.kindLabel(entry.kind(), locale), end, match);
	}

	private static ZoneId zone(String timeZone) {
		try {
			return ZoneId.of(timeZone);
		}
		catch (DateTimeException ex) {
			// the renderer's fallback too: China Standard Time
			return ZoneId.of("Asia/Shanghai");
		}
	}

	private static List<String> texts(PostingContent content) {
		List<String> texts = new ArrayList<>();
		texts.add(content.title());
		if (content.body() != null) {
			texts.add(content.body());
		}
		texts.addAll(content.fields().values());
		for (ContentTable table : content.tables()) {
			for (List<String> row : table.rows()) {
				texts.add(String.join(" ", row));
			}
		}
		return texts;
	}

	/** The matching text, cut to a line around the first word found. */
	private static String snippet(List<String> texts, String word) {
		for (String text : texts) {
			int at = text.toLowerCase(Locale.ROOT).indexOf(word);
			if (at >= 0) {
				// Lower-casing may shift an index in rare scripts; stay inside the text.
				int from = Math.min(text.length(), Math.max(0, at - SNIPPET / 2));
				int to = Math.min(text.length(), from + SNIPPET);
				return ((from > 0) ? "…" : "") + text.substring(from, to).replaceAll("\\s+", " ").strip()
						+ ((to < text.length()) ? "…" : "");
			}
		}
		return null;
	}

}
