package io.sunboard.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A console user already signed in, as the person raising an alert is: form login once,
 * then forms posted on the session cookie with the page's CSRF token. Unlike an API call
 * with HTTP Basic, a post costs no BCrypt check.
 */
final class ConsoleSignIn {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private final String base;

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private ConsoleSignIn(String base) {
		this.base = base;
	}

	static ConsoleSignIn as(String base, String username, String password) {
		ConsoleSignIn session = new ConsoleSignIn(base);
		HttpResponse<String> login = session.send("POST", "/login",
				Map.of("username", username, "password", password, "_csrf", session.token("/login")));
		String location = login.headers().firstValue("Location").orElse("");
		if (login.statusCode() != 302 || location.contains("error")) {
			throw new IllegalStateException("console sign-in as " + username + " failed: " + login.statusCode());
		}
		return session;
	}

	/** The CSRF token of a page, as the browser that shows it holds it. */
	String token(String page) {
		HttpResponse<String> response = send("GET", page, null);
		Matcher matcher = CSRF.matcher(response.body());
		if (!matcher.find()) {
			throw new IllegalStateException("no CSRF token on " + page + " (" + response.statusCode() + ")");
		}
		return matcher.group(1).replace("&#45;", "-");
	}

	/** Posts a form with a token fetched before; expects the console's redirect. */
	void post(String path, Map<String, String> form, String token) {
		Map<String, String> fields = new LinkedHashMap<>(form);
		fields.put("_csrf", token);
		HttpResponse<String> response = send("POST", path, fields);
		String location = response.headers().firstValue("Location").orElse("");
		if (response.statusCode() != 302) {
			throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": "
					+ response.body().substring(0, Math.min(300, response.body().length())));
		}
		if (location.contains("/login")) {
			throw new IllegalStateException("POST " + path + " was sent to sign in again");
		}
	}

	private HttpResponse<String> send(String method, String path, Map<String, String> form) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path));
		if (form == null) {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		else {
			String body = form.entrySet()
				.stream()
				.map((e) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
						+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
			request.header("Content-Type", "application/x-www-form-urlencoded")
				.method(method, HttpRequest.BodyPublishers.ofString(body));
		}
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(method + " " + path + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
