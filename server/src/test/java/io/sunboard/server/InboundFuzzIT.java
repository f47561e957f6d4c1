package io.sunboard.server;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.sunboard.protocol.DeviceEvent;
import io.sunboard.protocol.EventBatch;
import io.sunboard.protocol.JsonCodec;
import io.sunboard.protocol.Topics;
import io.sunboard.server.ingest.IngestMetrics;
import io.sunboard.testsupport.MosquittoBroker;
import io.sunboard.testsupport.MosquittoExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Generated garbage, over a real Mosquitto, on every topic the server consumes (events,
 * status, heartbeat), from a stolen kiosk on its own topics and from an account that may
 * publish anywhere (unknown devices, another device's topics); and to the device and
 * public HTTP endpoints. Meanwhile a well-behaved screen keeps sending. The server must
 * count every refused message once, store every good event, never answer 5xx, and stay
 * healthy. Random values come from jqwik's generators; which kind of garbage goes where
 * follows a fixed seed.
 */
@ExtendWith(MosquittoExtension.class)
@Timeout(240)
class InboundFuzzIT {

	private static final long SEED = 20261123L;

	private static final int MQTT_TRIES = 200;

	private static final int HTTP_TRIES = 200;

	private static final int GOOD_BATCHES = 20;

	private final JsonCodec codec = new JsonCodec();

	private final Topics topics = Topics.defaults();

	private final Random random = new Random(SEED);

	private final MosquittoBroker broker;

	private final HttpClient http = HttpClient.newHttpClient();

	InboundFuzzIT(MosquittoBroker broker) {
		this.broker = broker;
	}

	@Test
	void garbageOnEveryInboundTopicAndEndpointIsCountedAndRefusedWhileAGoodScreenKeepsFlowing(@TempDir Path dir)
			throws Exception {
		this.broker.addServerAccount("sunboard/v1", "sunboard-server", "server-secret-1");
		this.broker.addServerAccount("sunboard/v1", "fuzzer", "fuzzer-secret-1");
		try (RunningServer server = RunningServer.external(dir, this.broker, "sunboard-server", "server-secret-1")
			.start()) {
			String badSecret = FaultFixture.seedScreen(server, "fuzz-bad");
			String goodSecret = server
				.post("/api/v1/devices", Map.of("id", "fuzz-good", "schoolId", "shiyan", "name", "二楼"))
				.json()
				.get("secret")
				.asString();
			String posting = FaultFixture.seedPosting(server, "shiyan");
			MqttClient stolen = connect("fuzz-bad", "fuzz-bad", badSecret);
			MqttClient anywhere = connect("fuzzer", "fuzzer", "fuzzer-secret-1");
			MqttClient good = connect("fuzz-good", "fuzz-good", goodSecret);
			double rejectedBefore = rejected(server);

			List<String> goodIds = new ArrayList<>();
			for (int i = 0; i < MQTT_TRIES; i++) {
				Fuzz fuzz = nextMqttFuzz();
				publish(fuzz.fromStolenKiosk() ? stolen : anywhere, fuzz.topic(), fuzz.payload());
				if (i % (MQTT_TRIES / GOOD_BATCHES) == 0) {
					String id = "good-" + i;
					goodIds.add(id);
					publish(good, this.topics.events("fuzz-good"), this.codec.encode(new EventBatch("fuzz-good",
							List.of(DeviceEvent.played(id, Instant.now(), posting, 1000)))));
				}
			}
			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(rejected(server) - rejectedBefore).isEqualTo(MQTT_TRIES));
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(FaultFixture.storedIds(server, "fuzz-good")).containsAll(goodIds));
			assertThat(FaultFixture.storedCount(server, "fuzz-good")).isEqualTo(GOOD_BATCHES);
			assertThat(FaultFixture.storedCount(server, "fuzz-bad")).as("no garbage was stored").isZero();

			for (int i = 0; i < HTTP_TRIES; i++) {
				HttpRequest request = nextHttpFuzz(server.url(), badSecret);
				HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
				assertThat(response.statusCode()).as(request.method() + " " + request.uri()).isBetween(200, 499);
			}

			// and afterwards: healthy, and a good batch still goes in
			assertThat(server.get("/actuator/health").status()).isEqualTo(200);
			publish(good, this.topics.events("fuzz-good"), this.codec.encode(
					new EventBatch("fuzz-good", List.of(DeviceEvent.played("good-after", Instant.now(), posting, 1)))));
			await().atMost(Duration.ofSeconds(30))
				.until(() -> FaultFixture.storedIds(server, "fuzz-good").contains("good-after"));
			for (MqttClient client : List.of(stolen, anywhere, good)) {
				client.disconnect();
				client.close();
			}
		}
	}

	/**
	 * One malformed, oversized, impersonating or unknown-device message on a consumed
	 * topic; never one the server could accept.
	 */
	private Fuzz nextMqttFuzz() {
		String[] channels = { "ev", "status", "hb" };
		String channel = channels[this.random.nextInt(channels.length)];
		int kind = this.random.nextInt(8);
		byte[] payload = switch (kind) {
			case 0 -> bytes(Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(2000));
			case 1 -> utf8(Arbitraries.strings().all().ofMinLength(1).ofMaxLength(500));
			case 2 -> utf8(jsonOfTheWrongShape());
			case 3 -> truncated(validBatch("fuzz-bad"));
			case 4 -> oversized();
			case 5 -> validBatch("fuzz-good"); // claims another device on its own topic
			case 6 -> utf8(Arbitraries.just("{\"deviceId\":\"fuzz-bad\",\"events\":[" + "[".repeat(5000) + "]}"));
			default -> utf8(badEvent());
		};
		int route = this.random.nextInt(3);
		if (route == 0 || kind == 5) {
			return new Fuzz(true, topic("fuzz-bad", channel), payload);
		}
		if (route == 1) {
			// on the good screen's topics, which only the wide account can reach; kind 5
			// (a valid body of fuzz-good) never comes here
			return new Fuzz(false, topic("fuzz-good", channel), payload);
		}
		String unknown = sample(Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(64));
		byte[] forUnknown = (channel.equals("ev") && this.random.nextBoolean()) ? validBatch(unknown) : payload;
		return new Fuzz(false, topic(unknown, channel), forUnknown);
	}

	private HttpRequest nextHttpFuzz(String base, String secret) {
		String junk = URLEncoder.encode(sample(Arbitraries.strings().all().ofMinLength(0).ofMaxLength(80)),
				StandardCharsets.UTF_8);
		String[] paths = { "/device-api/v1/content/" + junk, "/device-api/v1/screenshots/" + junk,
				"/device-api/v1/time?" + junk, "/device-api/v1/registrations", "/device-api/v1/registrations/" + junk,
				"/public/postings/" + junk, "/public/schools/" + junk, "/public/schools/" + junk + "/feed.atom",
				"/device-api/v1/content/" + "a".repeat(64) };
		String[] tokens = { null, "Bearer " + junk, "Bearer fuzz-bad:" + junk, "Bearer fuzz-bad:" + secret,
				"Bearer fuzz-good:" + secret, "Basic " + junk, junk };
		String[] methods = { "GET", "PUT", "POST", "DELETE" };
		String path = paths[this.random.nextInt(paths.length)];
		String token = tokens[this.random.nextInt(tokens.length)];
		String method = methods[this.random.nextInt(methods.length)];
		byte[] body = bytes(Arbitraries.bytes().array(byte[].class).ofMaxSize(3000));
		String[] types = { "application/json", "image/png", "text/plain", "application/octet-stream" };
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.timeout(Duration.ofSeconds(20))
			.header("Content-Type", types[this.random.nextInt(types.length)])
			.method(method, HttpRequest.BodyPublishers.ofByteArray(body));
		if (token != null && !token.isBlank()) {
			request.header("Authorization", token);
		}
		return request.build();
	}

	private String jsonOfTheWrongShape() {
		String[] values = { "null", "42", "-1", "true", "\"\"", "[]", "{}", "\"../../etc\"", "1e309",
				"\"" + "x".repeat(70) + "\"", "[{}]", "{\"a\":[1,2]}", "\"2026-13-45T99:99:99Z\"" };
		StringBuilder json = new StringBuilder("{");
		String[] keys = { "deviceId", "events", "state", "sessionEpoch", "at", "uptimeSeconds", "schema", "id",
				"type" };
		int n = 1 + this.random.nextInt(keys.length);
		for (int i = 0; i < n; i++) {
			if (i > 0) {
				json.append(',');
			}
			String key = keys[this.random.nextInt(keys.length)];
			// no value is a valid device id, so no body can pass as a real message
			String value = values[this.random.nextInt(values.length)];
			json.append('"').append(key).append("\":").append(value);
		}
		return json.append('}').toString();
	}

	/** A batch for fuzz-bad with one event that breaks a field rule. */
	private String badEvent() {
		String[] events = { "{\"id\":\"a/b\",\"type\":\"played\",\"at\":\"2026-11-23T08:00:00Z\"}",
				"{\"id\":\"e1\",\"type\":\"no-such-type\",\"at\":\"2026-11-23T08:00:00Z\"}",
				"{\"id\":\"e1\",\"type\":\"played\",\"at\":\"yesterday\"}",
				"{\"id\":\"e1\",\"type\":\"played\",\"at\":\"2026-11-23T08:00:00Z\",\"durationMs\":-5}",
				"{\"id\":\"\",\"type\":\"played\",\"at\":\"2026-11-23T08:00:00Z\"}",
				"{\"id\":\"e1\",\"type\":\"feedback\",\"at\":\"2026-11-23T08:00:00Z\",\"category\":\"spam\"}",
				"{\"id\":\"e1\",\"type\":\"command-result\",\"at\":\"2026-11-23T08:00:00Z\",\"outcome\":\"pwned\"}" };
		return "{\"deviceId\":\"fuzz-bad\",\"events\":[" + events[this.random.nextInt(events.length)] + "]}";
	}

	private byte[] validBatch(String deviceId) {
		return this.codec.encode(new EventBatch(deviceId,
				List.of(DeviceEvent.played("fz-" + this.random.nextInt(1_000_000), Instant.now(), "p-1", 1000))));
	}

	private byte[] truncated(byte[] valid) {
		return java.util.Arrays.copyOf(valid, 1 + this.random.nextInt(valid.length - 1));
	}

	private byte[] oversized() {
		String filler = "x".repeat(JsonCodec.MAX_PAYLOAD_BYTES);
		return ("{\"deviceId\":\"fuzz-bad\",\"events\":[],\"pad\":\"" + filler + "\"}")
			.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * jqwik's own randomness (its generators run outside a property here, so jqwik picks
	 * the seed); the mix of kinds, routes and channels is fixed by {@link #SEED}.
	 */
	private static <T> T sample(Arbitrary<T> arbitrary) {
		return arbitrary.sample();
	}

	private byte[] bytes(Arbitrary<byte[]> arbitrary) {
		return sample(arbitrary);
	}

	private byte[] utf8(Arbitrary<String> arbitrary) {
		return sample(arbitrary).getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private String topic(String deviceId, String channel) {
		return switch (channel) {
			case "ev" -> this.topics.events(deviceId);
			case "status" -> this.topics.status(deviceId);
			default -> this.topics.heartbeat(deviceId);
		};
	}

	private MqttClient connect(String clientId, String user, String password) throws Exception {
		MqttClient client = new MqttClient(this.broker.url(), clientId, new MemoryPersistence());
		MqttConnectionOptions options = new MqttConnectionOptions();
		options.setUserName(user);
		options.setPassword(password.getBytes(StandardCharsets.UTF_8));
		options.setCleanStart(true);
		client.connect(options);
		return client;
	}

	private static void publish(MqttClient client, String topic, byte[] payload) throws Exception {
		MqttMessage message = new MqttMessage(payload);
		message.setQos(1);
		client.publish(topic, message);
	}

	private static double rejected(RunningServer server) {
		return Search.in(server.bean(MeterRegistry.class))
			.name(IngestMetrics.REJECTED)
			.counters()
			.stream()
			.mapToDouble(Counter::count)
			.sum();
	}

	private record Fuzz(boolean fromStolenKiosk, String topic, byte[] payload) {

	}

}
