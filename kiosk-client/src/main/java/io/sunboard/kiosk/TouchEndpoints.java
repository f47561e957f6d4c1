package io.sunboard.kiosk;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.net.URLDecoder;
import java.nio.file.Files;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sunboard.protocol.Attachment;
import io.sunboard.protocol.DeviceEvent;
import io.sunboard.protocol.JsonCodec;
import io.sunboard.protocol.MalformedMessageException;
import io.sunboard.protocol.Sha256;

/**
 * The touch kiosk's local API under {@code /touch}, for {@code touch.js} on the player
 * page: the home screen's categories and labels in the visitor's language, a category's
 * list, search, the opened posting's page and its attachments, the replies the school
 * published (all of them, and those about the opened posting), and the visitor's
 * interaction, rating and feedback, which go into the journal and nowhere else (never
 * logged: the feedback may hold a phone number). Writes are accepted only from the player
 * page's own origin, so another page in the browser cannot post in a visitor's name.
 */
final class TouchEndpoints {

	static final int MAX_BODY_BYTES = 8 * 1024;

	private static final Logger log = LoggerFactory.getLogger(TouchEndpoints.class);

	/** The languages a visitor can switch to, by the tag the page sends. */
	static final Map<String, Locale> LANGUAGES = languages();

	/**
	 * A PDF is shown in a frame of the player page, so its response may be framed by the
	 * page itself and by nothing else. No object-src or default-src here: Chromium's PDF
	 * viewer is a plugin the document's own policy would block.
	 */
	static final String ATTACHMENT_CSP = "frame-ancestors 'self'; base-uri 'none'";

	private final Player player;

	private final TouchCatalog catalog;

	private final TouchReplies replies;

	private final JsonCodec codec;

	private final EventRecorder recorder;

	private final Clock clock;

	private final Supplier<URI> origin;

	private final Locale defaultLocale;

	private final Map<Locale, Map<String, String>> labels = new ConcurrentHashMap<>();

	TouchEndpoints(Player player, TouchCatalog catalog, TouchReplies replies, JsonCodec codec, EventRecorder recorder,
			Clock clock, KioskConfig config, Supplier<URI> origin) {
		this.player = player;
		this.catalog = catalog;
		this.replies = replies;
		this.codec = codec;
		this.recorder = recorder;
		this.clock = clock;
		this.origin = origin;
		this.defaultLocale = config.locale();
	}

	void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		String method = exchange.getRequestMethod();
		exchange.getResponseHeaders().set("Cache-Control", "no-store");
		if ("POST".equals(method) && "/touch/event".equals(path)) {
			acceptEvent(exchange);
			return;
		}
		if (!"GET".equals(method)) {
			send(exchange, 404, "text/plain", bytes("Not found\n"));
			return;
		}
		Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
		Locale locale = this.defaultLocale;
		if (query.containsKey("lang")) {
			locale = LANGUAGES.get(query.get("lang"));
			if (locale == null) {
				send(exchange, 400, "text/plain", bytes("lang must be one of " + LANGUAGES.keySet() + "\n"));
				return;
			}
		}
		if ("/touch/home".equals(path)) {
			send(exchange, 200, "application/json",
					this.codec
						.encode(Map.of("lang", tag(locale), "languages", LANGUAGES.keySet(), "labels", labels(locale),
								"categories", this.catalog.categories(locale), "replies", this.replies.count())));
		}
		else if ("/touch/replies".equals(path)) {
			send(exchange, 200, "application/json",
					this.codec.encode(Map.of("items", this.replies.all(labels(locale)))));
		}
		else if ("/touch/list".equals(path) && query.containsKey("kind")) {
			send(exchange, 200, "application/json", this.codec
				.encode(Map.of("kind", query.get("kind"), "items", this.catalog.list(query.get("kind"), locale))));
		}
		else if ("/touch/search".equals(path)) {
			String words = query.getOrDefault("q", "");
			if (words.length() > TouchCatalog.MAX_QUERY) {
				send(exchange, 400, "text/plain", bytes("q holds at most " + TouchCatalog.MAX_QUERY + " characters\n"));
				return;
			}
			send(exchange, 200, "application/json",
					this.codec.encode(Map.of("items", this.catalog.search(words, locale))));
		}
		else if (path.startsWith("/touch/posting/")) {
			String postingId = path.substring("/touch/posting/".length());
			Optional<TouchCatalog.Detail> detail = this.catalog.detail(postingId, locale);
			if (detail.isEmpty()) {
				send(exchange, 404, "text/plain", bytes("That posting is not on this screen now\n"));
				return;
			}
			send(exchange, 200, "application/json",
					this.codec.encode(Map.of("postingId", postingId, "title", detail.get().title(), "html",
							detail.get().html(), "attachments", detail.get().attachments(), "replies",
							this.replies.about(postingId, labels(locale)))));
		}
		else if (path.startsWith("/touch/attachment/")) {
			sendAttachment(exchange, path.substring("/touch/attachment/".length()));
		}
		else {
			send(exchange, 404, "text/plain", bytes("Not found\n"));
		}
	}

	/**
	 * Every label of the touch pages in one language; the page holds no text of its own.
	 */
	Map<String, String> labels(Locale locale) {
		return this.labels.computeIfAbsent(locale, (key) -> {
			// No fallback to the JVM's locale: the base bundle is zh-CN, the product
			// default.
			ResourceBundle bundle = ResourceBundle.getBundle("io.sunboard.kiosk.touch", key,
					ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
			Map<String, String> text = new TreeMap<>();
			bundle.keySet().forEach((name) -> text.put(name, bundle.getString(name)));
			return Map.copyOf(text);
		});
	}

	private void sendAttachment(HttpExchange exchange, String sha256) throws IOException {
		Optional<TouchCatalog.Served> served = Sha256.isValid(sha256) ? this.catalog.attachment(sha256)
				: Optional.empty();
		if (served.isEmpty()) {
			send(exchange, 404, "text/plain", bytes("No such attachment on this screen now\n"));
			return;
		}
		Attachment attachment = served.get().attachment();
		exchange.getResponseHeaders().set("Content-Security-Policy", ATTACHMENT_CSP);
		exchange.getResponseHeaders().set("Content-Type", attachment.mediaType());
		// inline: shown in the page's frame, never saved as a download
		exchange.getResponseHeaders().set("Content-Disposition", "inline");
		long size = Files.size(served.get().file());
		exchange.sendResponseHeaders(200, size);
		try (OutputStream out = exchange.getResponseBody()) {
			Files.copy(served.get().file(), out);
		}
	}

	private static Map<String, String> query(String raw) {
		Map<String, String> values = new LinkedHashMap<>();
		if (raw == null || raw.isEmpty()) {
			return values;
		}
		for (String pair : raw.split("&")) {
			int equals = pair.indexOf('=');
			String name = (equals < 0) ? pair : pair.substring(0, equals);
			String value = (equals < 0) ? "" : pair.substring(equals + 1);
			try {
				values.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8),
						URLDecoder.decode(value, StandardCharsets.UTF_8));
			}
			catch (IllegalArgumentException ex) {
				// a malformed escape: the parameter is ignored, as if not sent
			}
		}
		return values;
	}

	private static String tag(Locale locale) {
		return LANGUAGES.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().equals(locale))
			.map(Map.Entry::getKey)
			.findFirst()
			.orElse(locale.toLanguageTag());
	}

	private static Map<String, Locale> languages() {
		Map<String, Locale> languages = new LinkedHashMap<>();
		languages.put("zh-CN", Locale.SIMPLIFIED_CHINESE);
		languages.put("zh-TW", Locale.TRADITIONAL_CHINESE);
		languages.put("en", Locale.ENGLISH);
		return Collections.unmodifiableMap(languages);
	}

	private void acceptEvent(HttpExchange exchange) throws IOException {
		String expectedOrigin = this.origin.get().toString().replaceAll("/$", "");
		String actualOrigin = exchange.getRequestHeaders().getFirst("Origin");
		if (!expectedOrigin.equals(actualOrigin)) {
			send(exchange, 403, "text/plain", bytes("Only the player page may post here\n"));
			return;
		}
		byte[] body;
		try (InputStream in = exchange.getRequestBody()) {
			body = in.readNBytes(MAX_BODY_BYTES + 1);
		}
		if (body.length > MAX_BODY_BYTES) {
			send(exchange, 413, "text/plain", bytes("At most " + MAX_BODY_BYTES + " bytes\n"));
			return;
		}
		DeviceEvent event;
		try {
			event = toEvent(this.codec.decode(body, TouchEvent.class));
		}
		catch (MalformedMessageException | IllegalArgumentException ex) {
			// The reason names the field, never its value.
			send(exchange, 400, "text/plain", bytes(ex.getMessage() + "\n"));
			return;
		}
		if (event.postingId() != null && !this.player.inManifest(event.postingId())) {
			send(exchange, 400, "text/plain", bytes("postingId is not on this screen\n"));
			return;
		}
		if (!this.recorder.record(event)) {
			send(exchange, 503, "text/plain", bytes("The journal is full; try again later\n"));
			return;
		}
		log.debug("Touch {} event {} recorded", event.type(), event.id());
		send(exchange, 204, "text/plain", new byte[0]);
	}

	private DeviceEvent toEvent(TouchEvent touch) {
		if (touch.type() == null) {
			throw new IllegalArgumentException("type is required: interaction, rating or feedback");
		}
		String id = EventIds.next();
		return switch (touch.type()) {
			case "interaction" -> DeviceEvent.interaction(id, this.clock.instant(), touch.postingId(),
					(touch.durationMs() != null) ? Math.min(touch.durationMs(), 86_400_000L) : -1);
			case "rating" -> DeviceEvent.rating(id, this.clock.instant(), touch.postingId(),
					(touch.helpful() != null) ? touch.helpful() : nullHelpful());
			case "feedback" -> DeviceEvent.feedback(id, this.clock.instant(), touch.category(),
					(touch.text() != null) ? touch.text().strip() : null, blankToNull(touch.contact()),
					blankToNull(touch.postingId()));
			default -> throw new IllegalArgumentException("type must be interaction, rating or feedback");
		};
	}

	private static boolean nullHelpful() {
		throw new IllegalArgumentException("event.helpful is required");
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
		exchange.sendResponseHeaders(status, (body.length == 0) ? -1 : body.length);
		if (body.length > 0) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
	}

	/** What the page posts; validated by turning it into a {@link DeviceEvent}. */
	record TouchEvent(String type, String postingId, Long durationMs, Boolean helpful, String category, String text,
			String contact) {

	}

}
