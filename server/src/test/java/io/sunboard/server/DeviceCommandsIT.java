package io.sunboard.server;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import io.sunboard.kiosk.KioskClient;
import io.sunboard.kiosk.KioskConfig;
import io.sunboard.protocol.DeviceHttp;
import io.sunboard.testsupport.MosquittoBroker;
import io.sunboard.testsupport.MosquittoExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Commands from the console's API to a real kiosk through a real Mosquitto, and the
 * screenshot taken by a real headless Chromium on the kiosk's player page.
 */
@ExtendWith(MosquittoExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(300)
class DeviceCommandsIT {

	private static final String SERVER_USER = "sunboard-server";

	private static final String SERVER_PASSWORD = "server-secret-for-tests";

	private final MosquittoBroker broker;

	private RunningServer server;

	private KioskClient kiosk;

	private String secret;

	DeviceCommandsIT(MosquittoBroker broker) {
		this.broker = broker;
	}

	@BeforeAll
	void setUp(@TempDir Path dir) {
		this.broker.addServerAccount("sunboard/v1", SERVER_USER, SERVER_PASSWORD);
		this.server = RunningServer.external(dir.resolve("server"), this.broker, SERVER_USER, SERVER_PASSWORD).start();
		this.secret = FaultFixture.seedScreen(this.server, "cmd-lobby");
		FaultFixture.scheduleOneSecondPosting(this.server);
		KioskConfig config = KioskConfig.from(FaultFixture.kioskProperties("cmd-lobby", this.secret, this.broker.url(),
				this.server.url(), dir.resolve("kiosk")));
		this.kiosk = KioskClient.start(config);
		await().atMost(Duration.ofSeconds(60)).until(() -> this.kiosk.appliedManifestVersion() >= 1);
	}

	@AfterAll
	void tearDown() {
		this.kiosk.close();
		this.server.close();
	}

	@Test
	void screenshotCommandDeliversAnImageOfTheCurrentPageToTheServer() throws IOException {
		// The identify test may have covered the screen; the posting is what should show.
		await().atMost(Duration.ofSeconds(30)).until(() -> !playerNow().contains("sb-identify"));
		JsonNode command = issue("screenshot", 120);
		JsonNode answered = awaitOutcome(command, Duration.ofSeconds(120));
		assertThat(answered.get("outcome").asString()).as(answered.toString()).isEqualTo("done");

		RunningServer.BinaryResponse shot = this.server.getBytes("/api/v1/devices/cmd-lobby/screenshot");
		assertThat(shot.status()).isEqualTo(200);
		assertThat(shot.contentType()).startsWith("image/png");
		Path saved = Path.of("target", "screenshots", "device-command-screenshot.png");
		Files.createDirectories(saved.getParent());
		Files.write(saved, shot.body());
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(shot.body()));
		assertThat(image.getWidth()).isEqualTo(1920);
		assertThat(image.getHeight()).isEqualTo(1080);
		// A rendered posting, not a blank page: text makes many distinct colours.
		assertThat(distinctColours(image)).isGreaterThan(10);
		assertThat(this.server.get("/").body()).contains("/api/v1/devices/cmd-lobby/screenshot");
	}

	@Test
	void identifyShowsTheScreensIdentityAndEveryCommandIsAnswered() throws Exception {
		JsonNode identify = issue("identify", 60);
		assertThat(awaitOutcome(identify, Duration.ofSeconds(30)).get("outcome").asString()).isEqualTo("done");
		assertThat(playerNow()).contains("cmd-lobby").contains("sb-identify");

		for (String name : new String[] { "refresh", "resync" }) {
			JsonNode command = issue(name, 60);
			JsonNode answered = awaitOutcome(command, Duration.ofSeconds(60));
			assertThat(answered.get("outcome").asString()).as(answered.toString()).isEqualTo("done");
		}
		JsonNode list = this.server.get("/api/v1/devices/cmd-lobby/commands").json();
		assertThat(list.size()).isGreaterThanOrEqualTo(3);
	}

	@Test
	void badCommandsAreRefusedWithWhatToDo() {
		RunningServer.Response unknown = this.server.post("/api/v1/devices/cmd-lobby/commands",
				Map.of("name", "reboot", "ttlSeconds", 60));
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.body()).contains("name must be one of");
		RunningServer.Response ttl = this.server.post("/api/v1/devices/cmd-lobby/commands",
				Map.of("name", "refresh", "ttlSeconds", 0));
		assertThat(ttl.status()).isEqualTo(400);
		assertThat(ttl.body()).contains("ttlSeconds must be");
		assertThat(this.server.post("/api/v1/devices/nowhere/commands", Map.of("name", "refresh", "ttlSeconds", 60))
			.status()).isEqualTo(404);
	}

	@Test
	void screenshotUploadsThatAreNotFromTheScreenOrNotAPngAreRefusedAndCounted() {
		String commandId = issue("screenshot", 120).get("id").asString();
		String bearer = DeviceHttp.bearer("cmd-lobby", this.secret);
		String path = DeviceHttp.screenshotPath(commandId);

		assertThat(this.server.putAsDevice(path, DeviceHttp.bearer("cmd-lobby", "wrong"), "image/png", new byte[8])
			.status()).isEqualTo(401);
		assertThat(this.server.putAsDevice(path, bearer, "image/png", "<html>not a png</html>".getBytes()).status())
			.isEqualTo(415);
		assertThat(this.server.putAsDevice(DeviceHttp.screenshotPath("c-unknown"), bearer, "image/png", new byte[8])
			.status()).isEqualTo(404);
		MeterRegistry meters = this.server.bean(MeterRegistry.class);
		assertThat(meters.counter("sunboard.screenshots.rejected", "reason", "not_png").count()).isPositive();
		assertThat(meters.counter("sunboard.screenshots.rejected", "reason", "unauthorized").count()).isPositive();
	}

	@Test
	void heartbeatCarriesHealthAndTheClockOffsetFromTheServer() {
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			JsonNode state = this.server.get("/api/v1/devices").json().get(0).get("state");
			assertThat(state.path("clockOffsetMs").isNumber()).as(state.toString()).isTrue();
			// Same machine, same clock: the offset is the measuring error only.
			assertThat(Math.abs(state.get("clockOffsetMs").asLong())).isLessThan(1000);
			assertThat(state.get("cacheBytes").asLong()).isPositive();
			assertThat(state.get("heapUsedBytes").asLong()).isPositive();
			assertThat(state.get("diskFreeBytes").asLong()).isPositive();
			assertThat(state.get("appliedManifestVersion").asLong()).isPositive();
			assertThat(state.get("clientVersion").asString()).isNotBlank();
		});
	}

	private JsonNode issue(String name, int ttlSeconds) {
		RunningServer.Response response = this.server.post("/api/v1/devices/cmd-lobby/commands",
				Map.of("name", name, "ttlSeconds", ttlSeconds));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json();
	}

	private JsonNode awaitOutcome(JsonNode command, Duration atMost) {
		String path = "/api/v1/commands/" + command.get("id").asString();
		await().atMost(atMost).pollInterval(Duration.ofMillis(250)).until(() -> {
			JsonNode outcome = this.server.get(path).json().path("outcome");
			return !outcome.isNull() && !outcome.isMissingNode();
		});
		return this.server.get(path).json();
	}

	private String playerNow() throws IOException, InterruptedException {
		HttpResponse<String> now = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(this.kiosk.playerUrl() + "now")).GET().build(),
					HttpResponse.BodyHandlers.ofString());
		return now.body();
	}

	private static int distinctColours(BufferedImage image) {
		Set<Integer> colours = new HashSet<>();
		for (int y = 0; y < image.getHeight(); y += 4) {
			for (int x = 0; x < image.getWidth(); x += 4) {
				colours.add(image.getRGB(x, y));
			}
		}
		return colours.size();
	}

}
