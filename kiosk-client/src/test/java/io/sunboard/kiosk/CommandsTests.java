package io.sunboard.kiosk;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sunboard.protocol.Command;
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
		this.commands = new Commands(Fixtures.CODEC, this.clock, this.player);
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
	void expiredCommandIsIgnored() {
		this.commands.received(command("refresh", Duration.ZERO));

		await().during(Duration.ofMillis(300))
			.atMost(Duration.ofSeconds(2))
			.until(() -> this.player.nowPlaying() == null);
	}

	@Test
	void unknownOrMalformedCommandsAreIgnored() {
		this.commands.received(command("self-destruct", Duration.ofMinutes(1)));
		this.commands.received("{\"id\":\"\"}".getBytes());

		await().during(Duration.ofMillis(300))
			.atMost(Duration.ofSeconds(2))
			.until(() -> this.player.nowPlaying() == null);
	}

}
