package io.sunboard.server;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.sunboard.protocol.Topics;
import io.sunboard.testsupport.MosquittoBroker;
import io.sunboard.testsupport.MosquittoExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Schedule edits against the real server and a real Mosquitto, with a test subscriber
 * counting every manifest publish.
 */
@ExtendWith(MosquittoExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(240)
class ScheduleIT {

	private static final String SERVER_USER = "sunboard-server";

	private static final String SERVER_PASSWORD = "server-secret-for-tests";

	private static final String OBSERVER = "observer";

	private static final String OBSERVER_PASSWORD = "observer-secret-for-tests";

	private static final Duration WAIT = Duration.ofSeconds(60);

	private final Topics topics = Topics.defaults();

	private final Instant start = Instant.now();

	private final MosquittoBroker broker;

	ScheduleIT(MosquittoBroker broker) {
		this.broker = broker;
	}

	@BeforeAll
	void setUp() {
		this.broker.addServerAccount(Topics.DEFAULT_ROOT, SERVER_USER, SERVER_PASSWORD);
		this.broker.addServerAccount(Topics.DEFAULT_ROOT, OBSERVER, OBSERVER_PASSWORD);
	}

	@Test
	void editingAScheduleRepublishesOnlyTheManifestsWhoseContentChanged(@TempDir Path dir) {
		try (RunningServer server = RunningServer.external(dir, this.broker, SERVER_USER, SERVER_PASSWORD).start();
				PublishCounter manifests = PublishCounter.subscribe(this.broker.url(), OBSERVER, OBSERVER_PASSWORD,
						this.topics.allDevices(io.sunboard.protocol.DeviceChannel.MANIFEST))) {
			seed(server, "");
			String posting = posting(server, "shiyan", "2026年秋季学期收费公示");
			String entry = created(server.post("/api/v1/postings/" + posting + "/schedule", window(Map.of())));
			awaitShowing(server, "a-lobby", posting);
			awaitShowing(server, "a-staff", posting);
			await().atMost(WAIT).until(() -> version(server, "b-lobby") >= 1);

			// Narrowed to the lobby group: only the staff-room screen's content changes.
			manifests.reset();
			assertThat(server
				.put("/api/v1/postings/" + posting + "/schedule/" + entry,
						window(Map.of("targetType", "GROUP", "targetId", "lobby")))
				.status()).isEqualTo(200);
			await().atMost(WAIT).until(() -> manifests.count(manifest("a-staff")) == 1);
			// A change at the other school is dispatched after the first one, on the same
			// thread and connection, so once it arrives any stray publish would have too.
			String other = posting(server, "no1", "关于校园开放日的通知");
			String otherEntry = created(server.post("/api/v1/postings/" + other + "/schedule", window(Map.of())));
			await().atMost(WAIT).until(() -> manifests.count(manifest("b-lobby")) == 1);
			assertThat(manifests.count(manifest("a-lobby"))).as("unchanged content is not republished").isZero();
			assertThat(manifests.total()).isEqualTo(2);
			assertThat(showing(server, "a-staff")).isEmpty();
			assertThat(showing(server, "a-lobby")).containsExactly(posting);

			// Widened to the region: the other school's screen is recomputed too.
			manifests.reset();
			assertThat(server
				.put("/api/v1/postings/" + posting + "/schedule/" + entry,
						window(Map.of("targetType", "REGION", "priority", 5)))
				.status()).isEqualTo(200);
			await().atMost(WAIT).until(() -> manifests.count(manifest("b-lobby")) == 1);
			assertThat(server.delete("/api/v1/postings/" + other + "/schedule/" + otherEntry).status()).isEqualTo(204);
			await().atMost(WAIT).until(() -> manifests.count(manifest("b-lobby")) == 2);
			assertThat(manifests.count(manifest("a-staff"))).isEqualTo(1);
			assertThat(manifests.count(manifest("a-lobby"))).as("priority 5 is new content").isEqualTo(1);
			assertThat(showing(server, "b-lobby")).containsExactly(posting);
		}
	}

	@Test
	void invalidSchedulesAreRefusedWithWhatToFix(@TempDir Path dir) {
		try (RunningServer server = RunningServer.external(dir, this.broker, SERVER_USER, SERVER_PASSWORD).start()) {
			seed(server, "x-");
			String posting = posting(server, "shiyan", "作息时间调整通知");
			String path = "/api/v1/postings/" + posting + "/schedule";

			assertThat(server.post(path, window(Map.of("rrule", "FREQ=HOURLY"))).body()).contains("dailyStart");
			assertThat(server.post(path, window(Map.of("dailyStart", "08:00"))).body()).contains("both dailyStart");
			assertThat(server.post(path, window(Map.of("targetType", "SCREEN", "targetId", "x-b-lobby"))).body())
				.contains("a screen of school 'shiyan'");
			assertThat(server.post(path, window(Map.of("targetType", "REGION", "targetId", "elsewhere"))).body())
				.contains("its own region 'fengze'");
			assertThat(server.get("/api/v1/devices/x-a-lobby/now-and-next?hours=0").status()).isEqualTo(400);
			assertThat(server.get("/api/v1/devices/nobody/now-and-next").status()).isEqualTo(404);
			assertThat(server.put("/api/v1/devices/x-a-lobby/tags", Map.of("tags", List.of("no spaces"))).status())
				.isEqualTo(400);
		}
	}

	/**
	 * Screen ids get a prefix: the broker, with its device accounts, is shared by the
	 * tests.
	 */
	private void seed(RunningServer server, String prefix) {
		assertThat(server.post("/api/v1/regions", Map.of("id", "fengze", "name", "丰泽区教育局")).status()).isEqualTo(201);
		for (String school : List.of("shiyan", "no1")) {
			assertThat(server
				.post("/api/v1/schools",
						Map.of("id", school, "regionId", "fengze", "name", "学校 " + school, "timeZone", "Asia/Shanghai"))
				.status()).isEqualTo(201);
		}
		for (List<String> screen : List.of(List.of("a-lobby", "shiyan"), List.of("a-staff", "shiyan"),
				List.of("b-lobby", "no1"))) {
			assertThat(server
				.post("/api/v1/devices",
						Map.of("id", prefix + screen.get(0), "schoolId", screen.get(1), "name", "显示屏 " + screen.get(0)))
				.status()).isEqualTo(201);
		}
		assertThat(server.put("/api/v1/devices/" + prefix + "a-lobby/tags", Map.of("tags", List.of("lobby"))).status())
			.isEqualTo(200);
		assertThat(server.put("/api/v1/devices/" + prefix + "a-staff/tags", Map.of("tags", List.of("staff-room")))
			.status()).isEqualTo(200);
	}

	private static String posting(RunningServer server, String school, String title) {
		Instant now = Instant.now();
		return server.createApprovedPosting(
				Map.of("schoolId", school, "title", title, "body", "正文。\n投诉电话：0595-22281234", "publicityStart",
						now.minusSeconds(60).toString(), "publicityEnd", now.plus(Duration.ofDays(10)).toString()));
	}

	/** The same instants every time, so an edit changes only what the test changes. */
	private Map<String, Object> window(Map<String, Object> extra) {
		Instant now = this.start;
		Map<String, Object> body = new java.util.HashMap<>(Map.of("startsAt", now.minusSeconds(60).toString(), "endsAt",
				now.plus(Duration.ofDays(10)).toString()));
		body.putAll(extra);
		return body;
	}

	private static String created(RunningServer.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().get("id").asString();
	}

	private static void awaitShowing(RunningServer server, String device, String posting) {
		await().atMost(WAIT).until(() -> showing(server, device).contains(posting));
	}

	private static List<String> showing(RunningServer server, String device) {
		RunningServer.Response answer = server.get("/api/v1/devices/" + device + "/now-and-next?hours=6");
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		return answer.json().get("now").valueStream().map((n) -> n.get("postingId").asString()).toList();
	}

	private static long version(RunningServer server, String device) {
		return server.get("/api/v1/devices/" + device + "/now-and-next").json().get("manifestVersion").asLong();
	}

	private String manifest(String device) {
		return this.topics.manifest(device);
	}

}
