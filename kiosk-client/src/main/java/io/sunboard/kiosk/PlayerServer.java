package io.sunboard.kiosk;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.Executor;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sunboard.protocol.JsonCodec;
import io.sunboard.templates.PostingRenderer;
import io.sunboard.templates.ScreenProfile;

/**
 * The local page the screen's browser shows: a shell document that loads
 * {@code /player.css} and {@code /player.js}, which polls {@code /now} every second. No
 * inline script or style, so the strict Content-Security-Policy holds.
 */
final class PlayerServer {

	/** The server's policy (docs/security.md), so one rule holds for every page. */
	static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			+ "connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

	private static final Logger log = LoggerFactory.getLogger(PlayerServer.class);

	private static final String RESOURCES = "io/sunboard/kiosk/";

	private final Player player;

	private final JsonCodec codec;

	private final ScreenProfile profile;

	private final Locale locale;

	private final long touchIdleMs;

	private final String shell;

	private final byte[] css;

	private final byte[] script;

	private final byte[] touchScript;

	private final HttpServer server;

	PlayerServer(Player player, PostingRenderer renderer, JsonCodec codec, KioskConfig config, Executor executor) {
		this.player = player;
		this.codec = codec;
		this.profile = config.profile();
		this.locale = config.locale();
		this.touchIdleMs = config.touchIdle().toMillis();
		this.shell = resource(
				"player.html")
			.replace("{{title}}",
					Html.escape(
							ResourceBundle
								.getBundle("io.sunboard.kiosk.touch", config.locale(),
										ResourceBundle.Control
											.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))
								.getString("page.title")));
		this.css = (renderer.stylesheet() + "\n" + resource("player.css")).getBytes(StandardCharsets.UTF_8);
		this.script = resource("player.js").getBytes(StandardCharsets.UTF_8);
		this.touchScript = resource("touch.js").getBytes(StandardCharsets.UTF_8);
		try {
			this.server = HttpServer.create(new InetSocketAddress(config.playerBind(), config.playerPort()), 16);
		}
		catch (BindException ex) {
			throw new IllegalStateException("player.port " + config.playerPort() + " on " + config.playerBind()
					+ " is in use: stop the other process or set player.port to a free port", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start the player page on " + config.playerBind() + ":"
					+ config.playerPort() + "; check player.bind", ex);
		}
		this.server.createContext("/", this::handle);
		this.server.setExecutor(executor);
	}

	/** Serves the touch kiosk's {@code /touch} API (kiosk profile only). */
	void addTouch(TouchEndpoints touch) {
		this.server.createContext("/touch/", (exchange) -> {
			try (exchange) {
				exchange.getResponseHeaders().set("Content-Security-Policy", CSP);
				exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
				exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
				touch.handle(exchange);
			}
			catch (IOException | RuntimeException ex) {
				log.debug("Touch request failed: {}", ex.toString());
			}
		});
	}

	void start() {
		this.server.start();
		log.info("Player page at {}", url());
	}

	void stop() {
		this.server.stop(0);
	}

	/** Where a browser on this machine reaches the page. */
	URI url() {
		InetSocketAddress address = this.server.getAddress();
		InetAddress host = address.getAddress();
		String name = host.isAnyLocalAddress() ? "127.0.0.1" : host.getHostAddress();
		if (name.contains(":")) {
			name = "[" + name + "]";
		}
		return URI.create("http://" + name + ":" + address.getPort() + "/");
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			exchange.getResponseHeaders().set("Content-Security-Policy", CSP);
			exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
			exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
			String method = exchange.getRequestMethod();
			if (!"GET".equals(method) && !"HEAD".equals(method)) {
				exchange.getResponseHeaders().set("Allow", "GET, HEAD");
				send(exchange, 405, "text/plain", "Only GET and HEAD\n".getBytes(StandardCharsets.UTF_8));
				return;
			}
			switch (exchange.getRequestURI().getPath()) {
				case "/" -> {
					exchange.getResponseHeaders().set("Cache-Control", "no-store");
					send(exchange, 200, "text/html", shellPage());
				}
				case "/player.css" -> send(exchange, 200, "text/css", this.css);
				case "/player.js" -> send(exchange, 200, "text/javascript", this.script);
				case "/touch.js" -> send(exchange, 200, "text/javascript", this.touchScript);
				case "/now" -> {
					exchange.getResponseHeaders().set("Cache-Control", "no-store");
					NowShowing now = this.player.now();
					send(exchange, 200, "application/json",
							this.codec.encode(Map.of("key", now.key(), "html", now.html())));
				}
				case "/healthz" -> {
					exchange.getResponseHeaders().set("Cache-Control", "no-store");
					send(exchange, 200, "text/plain", "ok\n".getBytes(StandardCharsets.UTF_8));
				}
				default -> send(exchange, 404, "text/plain", "Not found\n".getBytes(StandardCharsets.UTF_8));
			}
		}
		catch (IOException ex) {
			// The browser went away mid-response; it polls again in a second.
			log.debug("Player page response failed: {}", ex.toString());
		}
	}

	/**
	 * The current page is in the shell already, so the screen is never blank, not even
	 * before the script runs.
	 */
	private byte[] shellPage() {
		NowShowing now = this.player.now();
		return this.shell.replace("{{lang}}", Html.escape(this.locale.toLanguageTag()))
			.replace("{{profile}}", Html.escape(this.profile.cssClass()))
			.replace("{{idleMs}}", Long.toString(this.touchIdleMs))
			.replace("{{key}}", Html.escape(now.key()))
			.replace("{{fragment}}", now.html())
			.getBytes(StandardCharsets.UTF_8);
	}

	private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
		boolean head = "HEAD".equals(exchange.getRequestMethod());
		exchange.sendResponseHeaders(status, head ? -1 : body.length);
		if (!head) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
	}

	private static String resource(String name) {
		try (InputStream in = PlayerServer.class.getClassLoader().getResourceAsStream(RESOURCES + name)) {
			if (in == null) {
				throw new IllegalStateException(RESOURCES + name + " is missing from the kiosk client jar");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + RESOURCES + name, ex);
		}
	}

	/** Escapes text for an HTML attribute or element. */
	static final class Html {

		private Html() {
		}

		static String escape(String text) {
			return text.replace("&", "&amp;")
				.replace("<", "&lt;")
				.replace(">", "&gt;")
				.replace("\"", "&quot;")
				.replace("'", "&#39;");
		}

	}

}
