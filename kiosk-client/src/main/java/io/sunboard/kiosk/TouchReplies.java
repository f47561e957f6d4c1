package io.sunboard.kiosk;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.sunboard.protocol.PublishedReply;
import io.sunboard.templates.Masking;

/**
 * The published replies as the touch pages show them: kind in the visitor's language, the
 * question masked once more (the server masked it; a kiosk is a public surface, so it
 * does not rely on that alone), the answer, the day it was given, and the posting it is
 * about when that posting is on this kiosk now.
 */
final class TouchReplies {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);

	/** The school's zone when no posting tells it; the renderer's fallback too. */
	private static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

	private final PublishedReplies replies;

	private final TouchCatalog catalog;

	TouchReplies(PublishedReplies replies, TouchCatalog catalog) {
		this.replies = replies;
		this.catalog = catalog;
	}

	/**
	 * One reply on screen.
	 *
	 * @param postingTitle the posting's title when the visitor can open it here now, else
	 * null
	 */
	record Line(String id, String kind, String kindLabel, String question, String reply, String date, String postingId,
			String postingTitle) {

	}

	/** Every reply, newest first. */
	List<Line> all(Map<String, String> labels) {
		return lines(this.replies.all(), labels);
	}

	/** The replies about one posting, newest first. */
	List<Line> about(String postingId, Map<String, String> labels) {
		return lines(this.replies.about(postingId), labels);
	}

	int count() {
		return this.replies.all().size();
	}

	private List<Line> lines(List<PublishedReply> replies, Map<String, String> labels) {
		if (replies.isEmpty()) {
			return List.of();
		}
		List<TouchCatalog.Entry> entries = this.catalog.entries();
		Map<String, String> titles = entries.stream()
			.collect(Collectors.toMap((e) -> e.item().postingId(), (e) -> e.content().title(), (a, b) -> a));
		ZoneId zone = entries.stream().map((e) -> zone(e.content().timeZone())).findFirst().orElse(DEFAULT_ZONE);
		Function<PublishedReply, Line> line = (reply) -> new Line(reply.id(), reply.kind(), kindLabel(reply, labels),
				Masking.text(reply.question()), reply.reply(), DATE.format(reply.repliedAt().atZone(zone)),
				reply.postingId(), (reply.postingId() != null) ? titles.get(reply.postingId()) : null);
		return replies.stream().map(line).toList();
	}

	/**
	 * A kind this kiosk does not know yet (a newer server's) is shown as a plain reply.
	 */
	private static String kindLabel(PublishedReply reply, Map<String, String> labels) {
		String label = labels.get("replies.kind." + reply.kind().toLowerCase(Locale.ROOT));
		return (label != null) ? label : labels.get("replies.kind.other");
	}

	private static ZoneId zone(String timeZone) {
		try {
			return ZoneId.of(timeZone);
		}
		catch (DateTimeException ex) {
			return DEFAULT_ZONE;
		}
	}

}
