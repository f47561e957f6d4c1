package io.sunboard.kiosk;

import io.sunboard.testsupport.MutableClock;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.sunboard.protocol.Manifest;
import io.sunboard.protocol.PostingContent;
import io.sunboard.testsupport.FreePorts;

import static io.sunboard.kiosk.Fixtures.T0;
import static io.sunboard.kiosk.Fixtures.always;
import static io.sunboard.kiosk.Fixtures.item;
import static io.sunboard.kiosk.Fixtures.window;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * A screen whose broker and server are both unreachable still plays its cached schedule,
 * and takes postings down on time.
 */
@Timeout(60)
class KioskClientOfflineIT {

	@TempDir
	Path dataDir;

	private final HttpClient http = HttpClient.newHttpClient();

	private final PostingContent fees = Fixtures.content("fees", "2026年秋季学期收费公示");

	private final PostingContent awards = Fixtures.content("awards", "三好学生评选结果公示");

	private final MutableClock clock = new MutableClock(T0);

	private KioskConfig config;

	@BeforeEach
	void cacheAManifestAndItsContent() throws IOException {
		Files.createDirectories(this.dataDir.resolve("content"));
		for (PostingContent content : new PostingContent[] { this.fees, this.awards }) {
			Files.write(this.dataDir.resolve("content").resolve(Fixtures.sha(content)), Fixtures.bytes(content));
		}
		Manifest manifest = Fixtures.manifest("lobby-01", 12, item(this.fees, 5, window(T0, T0.plusSeconds(30))),
				item(this.awards, 5, always()));
		Files.write(this.dataDir.resolve("manifest.json"), Fixtures.CODEC.encode(manifest));
		// Nothing listens on either port: connection refused, as with a dead broker and
		// server.
		this.config = Fixtures.config(this.dataDir, "tcp://127.0.0.1:" + FreePorts.find(),
				"http://127.0.0.1:" + FreePorts.find());
	}

	private Map<?, ?> now(KioskClient client) throws IOException, InterruptedException {
		HttpResponse<byte[]> response = this.http.send(
				HttpRequest.newBuilder(client.playerUrl().resolve("/now")).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		try {
			return Fixtures.CODEC.decode(response.body(), Map.class);
		}
		catch (Exception ex) {
			throw new AssertionError(ex);
		}
	}

	@Test
	void cachedPostingIsShownWithBrokerAndServerDown() throws Exception {
		try (KioskClient client = KioskClient.start(this.config, this.clock)) {
			assertThat(client.playerUrl().getHost()).isEqualTo("127.0.0.1");
			assertThat(client.appliedManifestVersion()).isEqualTo(12);
			assertThat(client.isConnected()).isFalse();

			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat((String) now(client).get("html")).contains("2026年秋季学期收费公示"));
		}
	}

	@Test
	void expiredPostingLeavesScreenWhileOfflineAndProofOfPlayIsJournaled() throws Exception {
		try (KioskClient client = KioskClient.start(this.config, this.clock)) {
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat((String) now(client).get("html")).contains("收费公示"));

			this.clock.advance(Duration.ofSeconds(30));

			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
				String html = (String) now(client).get("html");
				assertThat(html).contains("三好学生评选结果公示").doesNotContain("收费公示");
			});
			await().atMost(Duration.ofSeconds(10)).until(() -> client.journalDepth() >= 1);
		}
		try (Stream<Path> files = Files.list(this.dataDir.resolve("journal"))) {
			assertThat(files).as("events stay on disk for the next start").isNotEmpty();
		}
	}

	@Test
	void busyPlayerPortFailsWithAMessageSayingWhatToDo() throws Exception {
		try (KioskClient first = KioskClient.start(this.config, this.clock)) {
			Properties properties = Fixtures.properties(this.dataDir.resolve("second"));
			properties.setProperty("player.port", String.valueOf(first.playerUrl().getPort()));
			KioskConfig clash = KioskConfig.from(properties);

			assertThatIllegalStateException().isThrownBy(() -> KioskClient.start(clash, this.clock))
				.withMessageContaining("player.port " + first.playerUrl().getPort())
				.withMessageContaining("set player.port to a free port");
		}
	}

}
