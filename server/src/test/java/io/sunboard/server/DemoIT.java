package io.sunboard.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.sunboard.testsupport.FreePorts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the README's run command starts: the server on the embedded broker with demo data
 * and the demo lobby screen, whose player page shows a demo posting; the console lists
 * the screens.
 */
@Timeout(180)
class DemoIT {

	@Test
	void demoServesTheConsoleAndALiveScreen(@TempDir Path dir) {
		int playerPort = FreePorts.find();
		try (RunningServer server = RunningServer.embedded(dir)
			.with("spring.profiles.active", "demo")
			.with("sunboard.demo.player-port", playerPort)
			.start()) {
			HttpClient http = HttpClient.newHttpClient();
			await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
				HttpResponse<String> now = http.send(
						HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + playerPort + "/now")).build(),
						HttpResponse.BodyHandlers.ofString());
				assertThat(now.body()).contains("丰泽区实验小学").containsAnyOf("收费公示", "寒假", "开放日");
			});
			RunningServer.Response console = server.get("/");
			assertThat(console.status()).isEqualTo(200);
			assertThat(console.body()).contains("fz-shiyan-lobby-1").contains("2026年秋季学期收费公示");
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(server.get("/").body()).contains("在线"));
		}
	}

}
