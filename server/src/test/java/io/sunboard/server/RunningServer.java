package io.sunboard.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.sunboard.testsupport.FreePorts;
import io.sunboard.testsupport.MosquittoBroker;
import io.sunboard.testsupport.PostgresServer;

/**
 * The real server application started inside the test JVM on free ports, with its own H2
 * file database, and a small REST client that logs in as the administrator.
 */
final class RunningServer implements AutoCloseable {

	static final String ADMIN_PASSWORD = "test-admin-password";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * The database of each data directory, so a server restarted on it finds its data.
	 */
	private static final Map<Path, String> POSTGRES_DATABASES = new ConcurrentHashMap<>();

	private final Map<String, Object> properties;

	private final int httpPort;

	private final HttpClient http = HttpClient.newHttpClient();

	private ConfigurableApplicationContext context;

	private Clock clock;

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

	/**
	 * A server using a test's Mosquitto: its plain listener, and its dynamic-security
	 * admin for creating screens' accounts.
	 */
	static RunningServer external(Path dataDir, MosquittoBroker broker, String user, String password) {
		return external(dataDir, broker.url(), user, password, broker.adminUsername(), broker.adminPassword());
	}

	private static Map<String, Object> base(Path dataDir) {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("server.port", FreePorts.find());
		p.put("sunboard.data-dir", dataDir.toString());
		p.put("sunboard.admin-password", ADMIN_PASSWORD);
		p.put("sunboard.roll-forward", "PT5S");
		if (onPostgres()) {
			usePostgres(p, POSTGRES_DATABASES.computeIfAbsent(dataDir.toAbsolutePath().normalize(),
					(dir) -> PostgresServer.shared().createDatabase("it")));
		}
		return p;
	}

	/**
	 * True when the suite runs against PostgreSQL
	 * ({@code -Dsunboard.it.database=postgres}, set by the second Failsafe execution):
	 * every server then gets a fresh database on one PostgreSQL per JVM instead of an H2
	 * file under its data directory.
	 */
	static boolean onPostgres() {
		return "postgres".equals(System.getProperty("sunboard.it.database", "h2"));
	}

	/**
	 * Points a server at one database of the shared PostgreSQL, with the postgres
	 * profile.
	 */
	static void usePostgres(Map<String, Object> p, String database) {
		PostgresServer postgres = PostgresServer.shared();
		p.put("spring.profiles.include", "postgres");
		p.put("spring.datasource.url", postgres.jdbcUrl(database));
		p.put("spring.datasource.username", PostgresServer.USER);
		p.put("spring.datasource.password", "");
	}

	/**
	 * Uses this database of the shared test PostgreSQL, whatever the suite's database;
	 * for tests that need PostgreSQL (several instances on one database).
	 */
	RunningServer onPostgres(String database) {
		usePostgres(this.properties, database);
		return this;
	}

	RunningServer with(String key, Object value) {
		this.properties.put(key, value);
		return this;
	}

	/**
	 * Runs the server on this clock instead of the system's (a primary bean, so every
	 * injected Clock is it).
	 */
	RunningServer withClock(Clock clock) {
		this.clock = clock;
		return this;
	}

	RunningServer start() {
		// as command-line arguments: builder "properties" are defaults that
		// application.properties overrides
		String[] args = this.properties.entrySet()
			.stream()
			.map((e) -> "--" + e.getKey() + "=" + e.getValue())
			.toArray(String[]::new);
		SpringApplicationBuilder builder = new SpringApplicationBuilder(SunboardApplication.class);
		if (this.clock != null) {
			Clock fixed = this.clock;
			builder.initializers((ctx) -> ((GenericApplicationContext) ctx).registerBean("testClock", Clock.class,
					() -> fixed, (definition) -> definition.setPrimary(true)));
		}
		this.context = builder.run(args);
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

	<T> T bean(String name, Class<T> type) {
		return this.context.getBean(name, type);
	}

	String url() {
		return "http://127.0.0.1:" + this.httpPort;
	}

	Object property(String key) {
		return this.properties.get(key);
	}

	Response get(String path) {
		return send("GET", path, null, "admin", ADMIN_PASSWORD);
	}

	Response post(String path, Object body) {
		return send("POST", path, body, "admin", ADMIN_PASSWORD);
	}

	/**
	 * Creates a posting as the administrator and takes it through review to approved,
	 * returning its id. Fine for kinds that are not high-risk (the administrator is
	 * author and reviewer).
	 */
	String createApprovedPosting(Map<String, ?> posting) {
		Response created = post("/api/v1/postings", posting);
		if (created.status() != 201) {
			throw new IllegalStateException("creating the posting failed: " + created.body());
		}
		String id = created.json().get("id").asString();
		post("/api/v1/postings/" + id + "/submit", "{}");
		Response review = post("/api/v1/postings/" + id + "/review",
				Map.of("decision", "APPROVE", "basis", "保密审查制度", "conclusion", "同意公开", "attribute", "PROACTIVE"));
		if (review.status() != 200) {
			throw new IllegalStateException("approving the posting failed: " + review.body());
		}
		return id;
	}

	/** An unauthenticated request carrying one header, as a screen sends. */
	Response sendWithHeader(String method, String path, String header, String value) {
		return send(HttpRequest.newBuilder(URI.create(url() + path))
			.header(header, value)
			.method(method, HttpRequest.BodyPublishers.noBody())
			.build());
	}

	/** A request as any account; {@code username} null sends no credentials. */
	Response send(String method, String path, Object body, String username, String password) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + path));
		if (username != null) {
			String basic = Base64.getEncoder()
				.encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
			request.header("Authorization", "Basic " + basic);
		}
		if (body == null) {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		else {
			String json = (body instanceof String s) ? s : JSON.writeValueAsString(body);
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(json));
		}
		return send(request.build());
	}

	/**
	 * A multipart/form-data POST with one file part named {@code file}, as a browser form
	 * sends an upload; {@code username} null sends no credentials.
	 */
	Response upload(String path, String fileName, byte[] bytes, String username, String password) {
		String boundary = "sunboard-" + System.nanoTime();
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(bytes);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
		if (username != null) {
			request.header("Authorization", "Basic "
					+ Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
		}
		return send(request.build());
	}

	/** An administrator's upload. */
	Response upload(String path, String fileName, byte[] bytes) {
		return upload(path, fileName, bytes, "admin", ADMIN_PASSWORD);
	}

	Response put(String path, Object body) {
		return send("PUT", path, body, "admin", ADMIN_PASSWORD);
	}

	Response delete(String path) {
		return send("DELETE", path, null, "admin", ADMIN_PASSWORD);
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
