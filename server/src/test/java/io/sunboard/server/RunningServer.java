package io.sunboard.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.sunboard.testsupport.FreePorts;

/**
 * The real server application started inside the test JVM on free ports, with its own H2
 * file database, and a small REST client that logs in as the administrator.
 */
final class RunningServer implements AutoCloseable {

	static final String ADMIN_PASSWORD = "test-admin-password";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Map<String, Object> properties;

	private final int httpPort;

	private final HttpClient http = HttpClient.newHttpClient();

	private ConfigurableApplicationContext context;

	private RunningServer(Map<String, Object> properties, int httpPort) {
		this.properties = properties;
		this.httpPort = httpPort;
	}

	/** A server with the embedded broker. */
	static RunningServer embedded(Path dataDir) {
		Map<String, Object> p = base(dataDir);
		p.put("sunboard.broker.mode", "embedded");
		p.put("sunboard.broker.embedded.bind-address", "127.0.0.1");
		p.put("sunboard.broker.embedded.port", FreePorts.find());
		return new RunningServer(p, (int) p.get("server.port"));
	}

	/** A server using an external Mosquitto. */
	static RunningServer external(Path dataDir, String brokerUrl, String user, String password, String dynsecUser,
			String dynsecPassword) {
		Map<String, Object> p = base(dataDir);
		p.put("sunboard.broker.mode", "external");
		p.put("sunboard.broker.external.url", brokerUrl);
		p.put("sunboard.broker.external.username", user);
		p.put("sunboard.broker.external.password", password);
		p.put("sunboard.broker.external.dynsec-username", dynsecUser);
		p.put("sunboard.broker.external.dynsec-password", dynsecPassword);
		return new RunningServer(p, (int) p.get("server.port"));
	}

	private static Map<String, Object> base(Path dataDir) {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("server.port", FreePorts.find());
		p.put("sunboard.data-dir", dataDir.toString());
		p.put("sunboard.admin-password", ADMIN_PASSWORD);
		p.put("sunboard.roll-forward", "PT5S");
		return p;
	}

	RunningServer with(String key, Object value) {
		this.properties.put(key, value);
		return this;
	}

	RunningServer start() {
		// as command-line arguments: builder "properties" are defaults that
		// application.properties overrides
		String[] args = this.properties.entrySet()
			.stream()
			.map((e) -> "--" + e.getKey() + "=" + e.getValue())
			.toArray(String[]::new);
		this.context = new SpringApplicationBuilder(SunboardApplication.class).run(args);
		return this;
	}

	void stop() {
		if (this.context != null) {
			this.context.close();
			this.context = null;
		}
	}

	@Override
	public void close() {
		stop();
	}

	<T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	String url() {
		return "http://127.0.0.1:" + this.httpPort;
	}

	Object property(String key) {
		return this.properties.get(key);
	}

	Response get(String path) {
		return send(request(path).GET().build());
	}

	Response post(String path, Object body) {
		String json = (body instanceof String s) ? s : JSON.writeValueAsString(body);
		return send(request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	/** Bytes of a GET, for images. */
	BinaryResponse getBytes(String path) {
		try {
			HttpResponse<byte[]> response = this.http.send(request(path).GET().build(),
					HttpResponse.BodyHandlers.ofByteArray());
			return new BinaryResponse(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException("request to " + path + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A device's request: its bearer token instead of the administrator's login. */
	Response putAsDevice(String path, String bearer, String contentType, byte[] body) {
		return send(HttpRequest.newBuilder(URI.create(url() + path))
			.header("Authorization", bearer)
			.header("Content-Type", contentType)
			.PUT(HttpRequest.BodyPublishers.ofByteArray(body))
			.build());
	}

	private HttpRequest.Builder request(String path) {
		String basic = Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
		return HttpRequest.newBuilder(URI.create(url() + path)).header("Authorization", "Basic " + basic);
	}

	private Response send(HttpRequest request) {
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException("request to " + request.uri() + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	record BinaryResponse(int status, String contentType, byte[] body) {

	}

	record Response(int status, String body) {

		JsonNode json() {
			return JSON.readTree(this.body);
		}

	}

}
