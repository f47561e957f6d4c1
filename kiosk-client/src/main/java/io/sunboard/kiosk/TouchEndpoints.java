package io.sunboard.kiosk;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sunboard.protocol.DeviceEvent;
import io.sunboard.protocol.JsonCodec;
import io.sunboard.protocol.MalformedMessageException;

/**
 * The touch kiosk's local API under {@code /touch}, for {@code touch.js} on the player
 * page: what a visitor may open, the opened posting's page, and the visitor's
 * interaction, rating and feedback, which go into the journal and nowhere else (never
 * logged: the feedback may hold a phone number). Writes are accepted only from the player
 * page's own origin, so another page in the browser cannot post in a visitor's name.
 */
final class TouchEndpoints {

	static final int MAX_BODY_BYTES = 8 * 1024;

	private static final Logger log = LoggerFactory.getLogger(TouchEndpoints.class);

	private static final List<String> LABELS = List.of("menu", "back", "close", "helpful.question", "helpful.yes",
			"helpful.no", "helpful.thanks", "feedback.open", "feedback.category", "feedback.category.consultation",
			"feedback.category.complaint", "feedback.category.suggestion", "feedback.text", "feedback.contact",
			"feedback.submit", "feedback.thanks", "feedback.invalid");

	private final Player player;

	private final JsonCodec codec;

	private final EventRecorder recorder;

	private final Clock clock;

	private final Supplier<URI> origin;

	private final Map<String, String> labels;

	TouchEndpoints(Player player, JsonCodec codec, EventRecorder recorder, Clock clock, KioskConfig config,
			Supplier<URI> origin) {
		this.player = player;
		this.codec = codec;
		this.recorder = recorder;
		this.clock = clock;
		this.origin = origin;
		// No fallback to the JVM's locale: the base bundle is zh-CN, the product default.
		ResourceBundle bundle = ResourceBundle.getBundle("io.sunboard.kiosk.touch", config.locale(),
				ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
		Map<String, String> text = new LinkedHashMap<>();
		LABELS.forEach((key) -> text.put(key, bundle.getString(key)));
		this.labels = Map.copyOf(text);
	}

	void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		String method = exchange.getRequestMethod();
		exchange.getResponseHeaders().set("Cache-Control", "no-store");
		if ("GET".equals(method) && "/touch/menu".equals(path)) {
			List<Map<String, String>> items = this.player.browsable()
				.stream()
				.map((item) -> Map.of("postingId", item.postingId(), "title", item.title()))
				.toList();
			send(exchange, 200, "application/json", this.codec.encode(Map.of("items", items, "labels", this.labels)));
		}
		else if ("GET".equals(method) && path.startsWith("/touch/posting/")) {
			String postingId = path.substring("/touch/posting/".length());
			this.player.renderBrowsable(postingId)
				.ifPresentOrElse(
						(html) -> sendQuietly(exchange, 200, "application/json",
								this.codec.encode(Map.of("postingId", postingId, "html", html))),
						() -> sendQuietly(exchange, 404, "text/plain",
								bytes("That posting is not on this screen now\n")));
		}
		else if ("POST".equals(method) && "/touch/event".equals(path)) {
			acceptEvent(exchange);
		}
		else {
			send(exchange, 404, "text/plain", bytes("Not found\n"));
		}
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
		if (event.postingId() != null
				&& this.player.browsable().stream().noneMatch((item) -> item.postingId().equals(event.postingId()))) {
			send(exchange, 400, "text/plain", bytes("postingId is not on this screen now\n"));
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

	private static void sendQuietly(HttpExchange exchange, int status, String type, byte[] body) {
		try {
			send(exchange, status, type, body);
		}
		catch (IOException ex) {
			log.debug("Touch response failed: {}", ex.toString());
		}
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
