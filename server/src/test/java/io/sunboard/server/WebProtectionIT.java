package io.sunboard.server;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.sunboard.protocol.DeviceEvent;
import io.sunboard.protocol.EventAck;
import io.sunboard.protocol.EventBatch;
import io.sunboard.protocol.JsonCodec;
import io.sunboard.protocol.Topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What every HTTP response carries and what every request is held to: the security
 * headers on pages, API answers, device answers, static files, errors and refusals; the
 * body cap; the per-address limits on public pages, sign-in and screen registration; the
 * per-device limit on kiosk feedback.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class WebProtectionIT {

	static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			+ "connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

	private static final String PUBLIC_CSP = "default-src 'none'; img-src 'self' data:; style-src 'self'; "
			+ "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

	private final HttpClient http = HttpClient.newHttpClient();

	private RunningServer server;

	@BeforeAll
	void start(@TempDir Path dir) {
		this.server = RunningServer.embedded(dir)
			.with("sunboard.security.max-request-body", "64KB")
			.with("sunboard.rate-limit.public-per-minute", 5)
			.with("sunboard.rate-limit.login-per-minute", 3)
			.with("sunboard.rate-limit.feedback-per-hour", 2)
			.start();
	}

	@AfterAll
	void stop() {
		this.server.close();
	}

	@Test
	void everyKindOfResponseCarriesTheSecurityHeadersOnceAndNoHstsOverPlainHttp() throws Exception {
		List<HttpResponse<String>> responses = List.of(get("/login", false), get("/", true), get("/", false),
				get("/account/password", true), get("/css/console.css", false), get("/actuator/health", false),
				get("/api/v1/postings", true), get("/api/v1/postings", false), get("/device-api/v1/time", false),
				get("/device-api/v1/content/" + "a".repeat(64), false), get("/no-such-page", true),
				get("/public/schools/nowhere", false));
		for (HttpResponse<String> response : responses) {
			String what = response.request().uri().getPath() + " -> " + response.statusCode();
			// public pages replace the site's policy with a stricter one of their own (no
			// script, no connections): still exactly one
			assertThat(response.headers().allValues("Content-Security-Policy")).as(what)
				.containsExactly(what.startsWith("/public/") ? PUBLIC_CSP : CSP);
			assertThat(response.headers().allValues("X-Content-Type-Options")).as(what).containsExactly("nosniff");
			assertThat(response.headers().allValues("X-Frame-Options")).as(what).containsExactly("DENY");
			assertThat(response.headers().allValues("Referrer-Policy")).as(what).containsExactly("same-origin");
			assertThat(response.headers().firstValue("Strict-Transport-Security")).as(what).isEmpty();
		}
	}

	@Test
	void theConsoleSessionCookieStaysOnThisSite() throws Exception {
		HttpResponse<String> login = get("/login", false);

		assertThat(login.headers().allValues("Set-Cookie"))
			.anySatisfy((cookie) -> assertThat(cookie).startsWith("JSESSIONID=")
				.contains("HttpOnly")
				.containsIgnoringCase("SameSite=Lax"));
	}

	@Test
	void aBodyOverTheCapIsRefusedBeforeAnyHandlerReadsIt() throws Exception {
		String big = "{\"title\":\"" + "x".repeat(100_000) + "\"}";
		HttpResponse<String> declared = this.http
			.send(admin("/api/v1/postings").header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(big))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(declared.statusCode()).isEqualTo(413);
		assertThat(declared.body()).contains("请求内容过大").contains("65536");
		assertThat(declared.headers().firstValue("Content-Security-Policy")).hasValue(CSP);

		// no Content-Length: the body is cut off at the cap while it is read
		HttpResponse<String> chunked = this.http
			.send(admin("/api/v1/postings").header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers
					.ofInputStream(() -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(chunked.statusCode()).isBetween(400, 413);
		assertThat(this.server.get("/api/v1/postings").status()).as("server still answers").isEqualTo(200);
	}

	@Test
	void publicPagesAreLimitedPerAddressWithRetryAfter() throws Exception {
		// the header test may have used one of the 5 already; the limit must bite by the
		// 6th
		double before = rejected("public");
		int admitted = 0;
		while (admitted < 6 && get("/public/schools/s" + admitted, false).statusCode() != 429) {
			admitted++;
		}
		assertThat(admitted).isBetween(4, 5);
		HttpResponse<String> refused = get("/public/postings/p-1", false);
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
		assertThat(refused.body()).contains("请求过于频繁");
		assertThat(refused.headers().firstValue("Content-Security-Policy")).hasValue(CSP);
		assertThat(rejected("public") - before).isEqualTo(2);
		assertThat(get("/actuator/health", false).statusCode()).as("other routes are not limited").isEqualTo(200);
	}

	@Test
	void signInFormPostsAreLimitedPerAddress() throws Exception {
		for (int i = 0; i < 3; i++) {
			assertThat(loginPost().statusCode()).isNotEqualTo(429);
		}
		HttpResponse<String> refused = loginPost();
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Retry-After")).isPresent();
		assertThat(get("/login", false).statusCode()).as("the form itself still shows").isEqualTo(200);
	}

	@Test
	void anonymousRegistrationRequestsAreLimitedPerAddress() throws Exception {
		int refusedAt = 0;
		for (int i = 1; i <= 4 && refusedAt == 0; i++) {
			HttpResponse<String> response = this.http
				.send(HttpRequest.newBuilder(URI.create(this.server.url() + "/device-api/v1/registrations"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{\"schoolId\":\"nowhere\",\"name\":\"x\"}"))
					.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() == 429) {
				refusedAt = i;
			}
		}
		assertThat(refusedAt).isEqualTo(4);
	}

	@Test
	void feedbackOverTheDeviceHourlyLimitIsAcknowledgedButNotStored() throws Exception {
		String secret = FaultFixture.seedScreen(this.server, "limit-lobby");
		String posting = FaultFixture.seedPosting(this.server, "shiyan");
		Topics topics = Topics.defaults();
		JsonCodec codec = new JsonCodec();
		MqttClient device = new MqttClient("tcp://127.0.0.1:" + this.server.property("sunboard.broker.embedded.port"),
				"limit-lobby", new MemoryPersistence());
		MqttConnectionOptions options = new MqttConnectionOptions();
		options.setUserName("limit-lobby");
		options.setPassword(secret.getBytes(StandardCharsets.UTF_8));
		device.connect(options);
		Set<String> acked = ConcurrentHashMap.newKeySet();
		device.subscribe(new MqttSubscription[] { new MqttSubscription(topics.ack("limit-lobby"), 1) },
				new IMqttMessageListener[] { (topic, message) -> acked
					.addAll(codec.decode(message.getPayload(), EventAck.class).eventIds()) });
		Instant at = Instant.now().minusSeconds(60);
		List<DeviceEvent> events = List.of(DeviceEvent.feedback("fb-1", at, "complaint", "一", null, null),
				DeviceEvent.feedback("fb-2", at, "complaint", "二", null, null),
				DeviceEvent.played("pl-1", at, posting, 1000),
				DeviceEvent.feedback("fb-3", at, "complaint", "三", null, null),
				DeviceEvent.feedback("fb-4", at, "complaint", "四", null, null));
		double before = rejected("feedback");
		MqttMessage message = new MqttMessage(codec.encode(new EventBatch("limit-lobby", events)));
		message.setQos(1);
		device.publish(topics.events("limit-lobby"), message);
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(acked).as("all acknowledged, so the journal lets them go")
				.containsExactlyInAnyOrder("fb-1", "fb-2", "pl-1", "fb-3", "fb-4"));
		device.disconnect();
		device.close();
		assertThat(FaultFixture.storedIds(this.server, "limit-lobby")).containsExactlyInAnyOrder("fb-1", "fb-2",
				"pl-1");
		assertThat(rejected("feedback") - before).isEqualTo(2);
	}

	private HttpResponse<String> loginPost() throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(this.server.url() + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=admin&password=guess"))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private double rejected(String limit) {
		return Search.in(this.server.bean(MeterRegistry.class))
			.name("sunboard.ratelimit.rejected")
			.tag("limit", limit)
			.counters()
			.stream()
			.mapToDouble((c) -> c.count())
			.sum();
	}

	private HttpResponse<String> get(String path, boolean asAdmin) throws IOException, InterruptedException {
		HttpRequest.Builder request = asAdmin ? admin(path)
				: HttpRequest.newBuilder(URI.create(this.server.url() + path));
		return this.http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder admin(String path) {
		String basic = Base64.getEncoder()
			.encodeToString(("admin:" + RunningServer.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
		return HttpRequest.newBuilder(URI.create(this.server.url() + path)).header("Authorization", "Basic " + basic);
	}

}
