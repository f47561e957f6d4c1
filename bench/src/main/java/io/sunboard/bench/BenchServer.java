package io.sunboard.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.sunboard.protocol.Sha256;
import io.sunboard.testsupport.FreePorts;
import io.sunboard.testsupport.sim.ScreenIdentity;

/**
 * The real server as its own process ({@code server/target/sunboard-server-exec.jar}, as
 * deployed) with its embedded broker (or Debian's Mosquitto, {@link BenchMosquitto}) and
 * H2 database, on free loopback ports. A separate process because one JVM holding both
 * ends of 10,000 connections would need 20,000 file descriptors, the hard limit here. The
 * H2 database runs with AUTO_SERVER so this process can provision screens in bulk and
 * count stored events directly.
 */
final class BenchServer implements AutoCloseable {

	static final String ADMIN_PASSWORD = "bench-admin-password";

	static final String SERVER_ACCOUNT = "sunboard-server";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Path directory;

	private final int httpPort;

	private final int mqttPort;

	private final String serverPassword;

	private final Process process;

	private final HttpClient http = HttpClient.newHttpClient();

	/** Null with the embedded broker. */
	private final BenchMosquitto mosquitto;

	private BenchServer(Path directory, int httpPort, int mqttPort, String serverPassword, Process process,
			BenchMosquitto mosquitto) {
		this.mosquitto = mosquitto;
		this.directory = directory;
		this.serverPassword = serverPassword;
		this.httpPort = httpPort;
		this.mqttPort = mqttPort;
		this.process = process;
	}

	static BenchServer start(String heap) throws IOException {
		return start(heap, false);
	}

	/**
	 * With {@code mosquitto}, the server uses Debian's Mosquitto as its external broker
	 * ({@link BenchMosquitto}) instead of its embedded HiveMQ CE.
	 */
	static BenchServer start(String heap, boolean mosquitto) throws IOException {
		Path jar = Path.of("server/target/sunboard-server-exec.jar");
		if (!Files.isReadable(jar)) {
			throw new IllegalStateException(jar.toAbsolutePath()
					+ " is missing: run ./mvnw -B -q install -DskipTests first (from the project root)");
		}
		Path directory = Files.createTempDirectory("sunboard-bench-");
		int httpPort = FreePorts.find();
		String password = HexFormat.of().formatHex(RANDOM.generateSeed(16));
		BenchMosquitto broker = mosquitto
				? BenchMosquitto.start(directory.resolve("mosquitto"), SERVER_ACCOUNT, password) : null;
		int mqttPort = (broker != null) ? broker.port() : FreePorts.find();
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap));
		// e.g.
		// SUNBOARD_BENCH_SERVER_OPTS="-XX:StartFlightRecording=filename=/tmp/server.jfr"
		// to
		// profile the server while a bench runs
		String extra = System.getenv("SUNBOARD_BENCH_SERVER_OPTS");
		if (extra != null && !extra.isBlank()) {
			command.addAll(List.of(extra.trim().split("\\s+")));
		}
		command.addAll(List.of("-jar", jar.toString(), "--server.port=" + httpPort, "--sunboard.data-dir=" + directory,
				"--sunboard.admin-password=" + ADMIN_PASSWORD, "--sunboard.roll-forward=PT30M",
				"--spring.datasource.url=" + h2Url(directory), "--logging.level.io.sunboard=WARN"));
		if (broker != null) {
			// the bench provisions screens in the database, so the dynamic-security
			// account is never used
			command.addAll(List.of("--sunboard.broker.mode=external", "--sunboard.broker.external.url=" + broker.url(),
					"--sunboard.broker.external.username=" + SERVER_ACCOUNT,
					"--sunboard.broker.external.password=" + password,
					"--sunboard.broker.external.dynsec-username=unused",
					"--sunboard.broker.external.dynsec-password=unused"));
		}
		else {
			command.addAll(List.of("--sunboard.broker.embedded.bind-address=127.0.0.1",
					"--sunboard.broker.embedded.port=" + mqttPort,
					"--sunboard.broker.embedded.server-password=" + password));
		}
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(directory.resolve("server.log").toFile())
			.start();
		BenchServer server = new BenchServer(directory, httpPort, mqttPort, password, process, broker);
		// an interrupted bench must not leave the server running
		Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "bench-server-stop"));
		Awaitility.await()
			.atMost(Duration.ofMinutes(6))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> !process.isAlive() || server.answers());
		if (!process.isAlive()) {
			throw new IllegalStateException("the server exited; see " + directory.resolve("server.log"));
		}
		return server;
	}

	private static String h2Url(Path directory) {
		return "jdbc:h2:file:" + directory.resolve("db/sunboard") + ";AUTO_SERVER=TRUE";
	}

	int mqttPort() {
		return this.mqttPort;
	}

	String httpBase() {
		return "http://127.0.0.1:" + this.httpPort;
	}

	String serverPassword() {
		return this.serverPassword;
	}

	Path directory() {
		return this.directory;
	}

	long pid() {
		return this.process.pid();
	}

	/**
	 * The CPU time the server's process has used so far (all its threads, user and
	 * system): on a machine the bench keeps busy, a run's wall time also shows the
	 * simulator and the neighbours, this only the server.
	 */
	Duration cpuTime() {
		return this.process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
	}

	private boolean answers() {
		try {
			HttpResponse<String> r = this.http.send(
					HttpRequest.newBuilder(URI.create(httpBase() + "/device-api/v1/time")).build(),
					HttpResponse.BodyHandlers.ofString());
			return r.statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	Connection jdbc() throws SQLException {
		return DriverManager.getConnection(h2Url(this.directory), "sa", "");
	}

	/**
	 * One region with {@code schools} schools of {@code screensPerSchool} screens each,
	 * written straight into the database (registering 10,000 screens one API call at a
	 * time would take longer than the benchmark). The embedded broker checks device
	 * secrets against the same table, so the screens can connect at once; Mosquitto gets
	 * their accounts in its password file.
	 */
	List<ScreenIdentity> provision(String regionId, int schools, int screensPerSchool)
			throws SQLException, IOException {
		List<ScreenIdentity> screens = new ArrayList<>();
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		try (Connection c = jdbc()) {
			c.setAutoCommit(false);
			try (PreparedStatement region = c.prepareStatement("insert into region (id, name) values (?, ?)")) {
				region.setString(1, regionId);
				region.setString(2, "测试区 " + regionId);
				region.executeUpdate();
			}
			try (PreparedStatement school = c
				.prepareStatement("insert into school (id, region_id, name, time_zone) values (?, ?, ?, ?)");
					PreparedStatement device = c.prepareStatement(
							"insert into device (id, school_id, name, profile, secret_sha256, active, created_at)"
									+ " values (?, ?, ?, 'landscape', ?, true, ?)")) {
				for (int s = 0; s < schools; s++) {
					String schoolId = regionId + "-s" + s;
					school.setString(1, schoolId);
					school.setString(2, regionId);
					school.setString(3, "测试学校 " + s);
					school.setString(4, "Asia/Shanghai");
					school.executeUpdate();
					for (int d = 0; d < screensPerSchool; d++) {
						String deviceId = schoolId + "-d" + d;
						String secret = HexFormat.of().formatHex(RANDOM.generateSeed(32));
						device.setString(1, deviceId);
						device.setString(2, schoolId);
						device.setString(3, "屏 " + d);
						device.setString(4, Sha256.of(secret.getBytes(StandardCharsets.UTF_8)));
						device.setObject(5, now);
						device.addBatch();
						screens.add(new ScreenIdentity(deviceId, secret, schoolId, regionId));
					}
					device.executeBatch();
				}
			}
			c.commit();
		}
		if (this.mosquitto != null) {
			this.mosquitto.allow(screens);
		}
		return screens;
	}

	long count(String sql) throws SQLException {
		try (Connection c = jdbc(); ResultSet rs = c.createStatement().executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/**
	 * The body of every bench posting: a fee notice's text of the usual length (880 bytes
	 * of UTF-8, its document about 1.2 KB). Until 2026-12-05 it was one short line, and a
	 * document under 400 bytes.
	 */
	static final String BODY = """
			根据上级物价、教育部门批准的收费项目和标准，现将本学期收费情况公示如下，接受家长和社会监督。
			一、作业本费：每生每学期 18 元，由学校统一代购，学期末按实结算，多退少补。
			二、课后服务费：每生每学期 400 元，家长自愿参加，不参加的学生不收取任何费用。
			三、校服费：每套 120 元，家长自愿购买，学校不得强制统一订购。
			四、午餐费：每生每天 12 元，按实际就餐天数结算，每月公布一次伙食账目。
			以上收费项目均已报区教育局、区发展和改革局备案，收费依据为泉发改收费〔2024〕12号。
			家庭经济困难学生可向班主任申请减免，学校在三个工作日内答复。
			如对收费有疑问，请在公示期内向学校总务处咨询，或拨打投诉电话 0595-22281234 反映。
			""";

	/** Creates a posting and takes it through review; returns its id. Not timed. */
	String approvedPosting(String schoolId, String title) {
		JsonNode created = call("POST", "/api/v1/postings", Map.of("schoolId", schoolId, "title", title, "body",
				title + "\n" + BODY, "publicityStart", "2026-01-01T00:00:00Z", "publicityEnd", "2036-01-01T00:00:00Z"),
				201);
		String id = created.get("id").asString();
		call("POST", "/api/v1/postings/" + id + "/submit", Map.of(), 200);
		call("POST", "/api/v1/postings/" + id + "/review",
				Map.of("decision", "APPROVE", "basis", "保密审查制度", "conclusion", "同意公开", "attribute", "PROACTIVE"), 200);
		return id;
	}

	/** Schedules the posting on every screen of the region, all day for ten years. */
	void scheduleRegion(String postingId, String regionId) {
		call("POST", "/api/v1/postings/" + postingId + "/schedule", Map.of("startsAt", "2026-01-01T00:00:00Z", "endsAt",
				"2036-01-01T00:00:00Z", "durationSeconds", 10, "targetType", "REGION", "targetId", regionId), 201);
	}

	void alertRegion(String regionId, String text) {
		call("POST", "/api/v1/alerts", Map.of("scope", "region", "id", regionId, "text", text), 201);
	}

	void clearRegionAlert(String regionId) {
		call("DELETE", "/api/v1/alerts/region/" + regionId, null, 204);
	}

	JsonNode call(String method, String path, Object body, int expected) {
		String basic = Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(httpBase() + path))
			.header("Authorization", "Basic " + basic);
		if (body == null) {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		else {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
		}
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != expected && !(expected == 201 && response.statusCode() == 200)) {
				throw new IllegalStateException(
						method + " " + path + " answered " + response.statusCode() + ": " + response.body());
			}
			return response.body().isEmpty() ? null : JSON.readTree(response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		if (this.mosquitto != null) {
			this.mosquitto.close();
		}
	}

	/**
	 * The CPU time of the broker's process so far: Mosquitto's, or with the embedded
	 * broker the server's (the broker lives in it).
	 */
	Duration brokerCpuTime() {
		if (this.mosquitto == null) {
			return cpuTime();
		}
		return ProcessHandle.of(this.mosquitto.pid()).flatMap((p) -> p.info().totalCpuDuration()).orElse(Duration.ZERO);
	}

	boolean externalBroker() {
		return this.mosquitto != null;
	}

}
