package io.sunboard.server;

import java.io.IOException;
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
 * A signed-in browser session without a browser: form login, then console forms posted
 * with the session's CSRF token, as a person's browser posts them.
 */
final class ConsoleSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private final String baseUrl;

	private final HttpClient http;

	private ConsoleSession(String baseUrl) {
		this.baseUrl = baseUrl;
		this.http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	static ConsoleSession signIn(String baseUrl, String username, String password) {
		ConsoleSession session = new ConsoleSession(baseUrl);
		String token = session.csrf("/login");
		RunningServer.Response login = session.send("POST", "/login",
				Map.of("username", username, "password", password, "_csrf", token));
		String location = login.body();
		if (login.status() != 302 || location.contains("error")) {
			throw new IllegalStateException("sign-in as " + username + " failed: " + login.status() + " " + location);
		}
		return session;
	}

	/**
	 * Posts a form with a fresh CSRF token; the answer's body is the Location on a
	 * redirect.
	 */
	RunningServer.Response post(String path, Map<String, String> form) {
		Map<String, String> fields = new LinkedHashMap<>(form);
		fields.put("_csrf", csrf("/console/postings"));
		return send("POST", path, fields);
	}

	RunningServer.Response get(String path) {
		return send("GET", path, null);
	}

	/**
	 * Posts JSON to the API on this session's cookie, as a script on a console page would
	 * (with the token in the {@code X-CSRF-TOKEN} header) or a forged cross-site request
	 * would (without it).
	 */
	RunningServer.Response postJson(String path, String json, boolean withCsrfToken) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		if (withCsrfToken) {
			request.header("X-CSRF-TOKEN", csrf("/console/postings"));
		}
		return exchange(request, "POST " + path);
	}

	private String csrf(String page) {
		RunningServer.Response response = get(page);
		Matcher matcher = CSRF.matcher(response.body());
		if (!matcher.find()) {
			throw new IllegalStateException("no CSRF token on " + page + " (" + response.status() + ")");
		}
		return matcher.group(1).replace("&#45;", "-");
	}

	private RunningServer.Response send(String method, String path, Map<String, String> form) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path));
		if (form == null) {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		else {
			String body = form.entrySet()
				.stream()
				.map((e) -> enc(e.getKey()) + "=" + enc(e.getValue()))
				.collect(Collectors.joining("&"));
			request.header("Content-Type", "application/x-www-form-urlencoded")
				.method(method, HttpRequest.BodyPublishers.ofString(body));
		}
		return exchange(request, method + " " + path);
	}

	private RunningServer.Response exchange(HttpRequest.Builder request, String what) {
		try {
			HttpResponse<String> response = this.http.send(request.build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			String body = (response.statusCode() == 302) ? response.headers().firstValue("Location").orElse("")
					: response.body();
			return new RunningServer.Response(response.statusCode(), body);
		}
		catch (IOException ex) {
			throw new IllegalStateException(what + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
