package io.sunboard.kiosk;

import io.sunboard.testsupport.MutableClock;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sunboard.protocol.Command;
import io.sunboard.protocol.DeviceEvent;
import io.sunboard.protocol.EventType;
import io.sunboard.protocol.PostingContent;
import io.sunboard.templates.PostingRenderer;

import static io.sunboard.kiosk.Fixtures.T0;
import static io.sunboard.kiosk.Fixtures.item;
import static io.sunboard.kiosk.Fixtures.window;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CommandsTests {

	@TempDir
	Path dir;

	private final MutableClock clock = new MutableClock(T0);

	private KioskThreads threads;

	private Player player;

	private Commands commands;

	private final List<DeviceEvent> events = new CopyOnWriteArrayList<>();

	private final Map<String, byte[]> served = new ConcurrentHashMap<>();

	@BeforeEach
	void setUp() throws IOException {
		this.threads = KioskThreads.create("test");
		ContentStore store = new ContentStore(this.dir, Fixtures.CODEC);
		PostingContent fees = Fixtures.content("fees", "收费公示");
		store.put(Fixtures.sha(fees), Fixtures.bytes(fees));
		// Not started: only show() and refresh commands make the player tick.
		this.player = new Player(store, new PostingRenderer(), Fixtures.config(this.dir), (event) -> true, this.clock,
				this.threads.timer());
		this.player
			.show(Fixtures.manifest("lobby-01", 1, item(fees, 10, window(T0.plusSeconds(60), T0.plusSeconds(600)))));
		await().atMost(Duration.ofSeconds(5)).until(() -> this.player.now().key().startsWith("idle:"));
		ContentSource source = (sha) -> {
			byte[] bytes = this.served.get(sha);
			if (bytes == null) {
				throw new IOException("HTTP 404");
			}
			return bytes;
		};
		ManifestUpdater manifests = new ManifestUpdater("lobby-01", Fixtures.CODEC, store, source,
				new ManifestFile(this.dir.resolve("manifest.json"), Fixtures.CODEC), this.player, this.events::add,
				this.clock, this.threads);
		this.commands = new Commands(
				Fixtures.CODEC, this.clock, this.player, manifests, new Screenshots(Fixtures.config(this.dir),
						() -> java.net.URI.create("http://127.0.0.1:1/"), ContentFetcher.newHttpClient()),
				this.events::add, Runnable::run);
		this.clock.advance(Duration.ofSeconds(60));
	}

	@AfterEach
	void tearDown() {
		this.threads.shutdown();
	}

	private byte[] command(String name, Duration expiresIn) {
		return Fixtures.CODEC
			.encode(new Command(EventIds.next(), name, this.clock.instant(), this.clock.instant().plus(expiresIn)));
	}

	@Test
	void refreshReEvaluatesTheScheduleAtOnce() {
		this.commands.received(command("refresh", Duration.ofMinutes(1)));

		await().atMost(Duration.ofSeconds(5)).until(() -> "fees".equals(this.player.nowPlaying()));
	}

	@Test
	void expiredCommandIsNotCarriedOutAndAnsweredExpired() {
		byte[] identify = command("identify", Duration.ofSeconds(30));
		this.clock.advance(Duration.ofSeconds(30));
		this.commands.received(identify);
		this.commands.received(command("refresh", Duration.ZERO));

		await().during(Duration.ofMillis(300))
			.atMost(Duration.ofSeconds(2))
			.until(() -> this.player.nowPlaying() == null && !this.player.now().key().startsWith("identify:"));
		assertThat(this.events).hasSize(2).allSatisfy((event) -> {
			assertThat(event.type()).isEqualTo(EventType.COMMAND_RESULT);
			assertThat(event.outcome()).isEqualTo("expired");
		});
	}

	@Test
	void eachCommandIsAnsweredWithAResultEventAndARedeliveryIsNotRunTwice() {
		byte[] refresh = command("refresh", Duration.ofMinutes(1));
		this.commands.received(refresh);
		this.commands.received(refresh);

		assertThat(this.events).singleElement().satisfies((event) -> {
			assertThat(event.type()).isEqualTo(EventType.COMMAND_RESULT);
			assertThat(event.outcome()).isEqualTo("done");
			assertThat(event.commandId()).isEqualTo(Fixtures.CODEC.decode(refresh, Command.class).id());
		});
	}

	@Test
	void identifyCoversTheScreenWithItsIdentityForAFewSeconds() {
		this.commands.received(command("identify", Duration.ofMinutes(1)));

		await().atMost(Duration.ofSeconds(5)).until(() -> this.player.now().key().startsWith("identify:"));
		assertThat(this.player.now().html()).contains("lobby-01").contains("sb-identify");
		this.clock.advance(Commands.IDENTIFY_FOR);
		this.player.refresh();
		await().atMost(Duration.ofSeconds(5)).until(() -> "fees".equals(this.player.nowPlaying()));
	}

	@Test
	void resyncWithoutAManifestFailsAndSaysWhy() {
		this.commands.received(command("resync", Duration.ofMinutes(1)));

		assertThat(this.events).singleElement().satisfies((event) -> {
			assertThat(event.outcome()).isEqualTo("failed");
			assertThat(event.detail()).contains("no manifest");
		});
	}

	@Test
	void screenshotWithoutAToolFailsAndSaysWhy() {
		this.commands.received(command("screenshot", Duration.ofMinutes(1)));

		assertThat(this.events).singleElement().satisfies((event) -> {
			assertThat(event.outcome()).isEqualTo("failed");
			assertThat(event.detail()).contains("screenshot.command");
		});
	}

	@Test
	void unknownOrMalformedCommandsAreNotCarriedOut() {
		this.commands.received(command("self-destruct", Duration.ofMinutes(1)));
		this.commands.received("{\"id\":\"\"}".getBytes());

		await().during(Duration.ofMillis(300))
			.atMost(Duration.ofSeconds(2))
			.until(() -> this.player.nowPlaying() == null);
		assertThat(this.events).singleElement()
			.satisfies((event) -> assertThat(event.outcome()).isEqualTo("unsupported"));
	}

}
