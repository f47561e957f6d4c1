package io.sunboard.kiosk;

import io.sunboard.testsupport.MutableClock;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sunboard.protocol.Alert;
import io.sunboard.protocol.DeviceEvent;
import io.sunboard.protocol.EventType;
import io.sunboard.protocol.PostingContent;
import io.sunboard.protocol.Topics;
import io.sunboard.templates.PostingRenderer;

import static io.sunboard.kiosk.Fixtures.T0;
import static io.sunboard.kiosk.Fixtures.always;
import static io.sunboard.kiosk.Fixtures.item;
import static io.sunboard.kiosk.Fixtures.window;
import static org.assertj.core.api.Assertions.assertThat;

class PlayerTests {

	private static final PostingRenderer renderer = new PostingRenderer();

	@TempDir
	Path dir;

	private final MutableClock clock = new MutableClock(T0);

	private final List<DeviceEvent> events = new CopyOnWriteArrayList<>();

	private final PostingContent fees = Fixtures.content("fees", "2026年秋季收费公示");

	private final PostingContent awards = Fixtures.content("awards", "优秀学生名单公示");

	/** Shut down: the test drives every tick itself, so none may run on their own. */
	private final ScheduledExecutorService noTimer = new ScheduledThreadPoolExecutor(1);

	private ContentStore store;

	private Player player;

	@BeforeEach
	void setUp() throws IOException {
		this.noTimer.shutdown();
		this.store = new ContentStore(this.dir, Fixtures.CODEC);
		this.store.put(Fixtures.sha(this.fees), Fixtures.bytes(this.fees));
		this.store.put(Fixtures.sha(this.awards), Fixtures.bytes(this.awards));
		this.player = new Player(this.store, renderer, Fixtures.config(this.dir), (event) -> this.events.add(event),
				this.clock, this.noTimer);
	}

	@AfterEach
	void tearDown() {
		this.noTimer.shutdownNow();
	}

	@Test
	void beforeAnyManifestTheIdlePageNamesTheDevice() {
		this.player.tick();

		assertThat(this.player.now().html()).contains("lobby-01", "当前暂无公示内容");
		assertThat(this.player.nowPlaying()).isNull();
	}

	@Test
	void completedShowingIsJournaledWithItsStartAndDuration() {
		this.player
			.show(Fixtures.manifest("lobby-01", 1, item(this.fees, 10, always()), item(this.awards, 5, always())));
		this.player.tick();
		assertThat(this.player.nowPlaying()).isEqualTo("fees");
		assertThat(this.player.now().html()).contains("2026年秋季收费公示");

		this.clock.advance(Duration.ofSeconds(9));
		this.player.tick();
		assertThat(this.events).isEmpty();

		this.clock.advance(Duration.ofSeconds(1));
		this.player.tick();

		assertThat(this.player.nowPlaying()).isEqualTo("awards");
		assertThat(this.events).singleElement().satisfies((event) -> {
			assertThat(event.type()).isEqualTo(EventType.PLAYED);
			assertThat(event.postingId()).isEqualTo("fees");
			assertThat(event.at()).isEqualTo(T0);
			assertThat(event.durationMs()).isEqualTo(10_000);
		});
	}

	@Test
	void expiredPostingLeavesScreenWhileOfflineAndItsPartialShowingIsJournaled() {
		this.player.show(Fixtures.manifest("lobby-01", 1, item(this.fees, 600, window(T0, T0.plusSeconds(30)))));
		this.player.tick();
		assertThat(this.player.nowPlaying()).isEqualTo("fees");

		this.clock.advance(Duration.ofSeconds(30));
		this.player.tick();

		assertThat(this.player.nowPlaying()).isNull();
		assertThat(this.player.now().html()).contains("第一实验小学", "当前暂无公示内容");
		assertThat(this.events).singleElement().satisfies((event) -> assertThat(event.durationMs()).isEqualTo(30_000));
	}

	@Test
	void showingShorterThanASecondIsNotJournaled() {
		this.player.show(Fixtures.manifest("lobby-01", 1, item(this.fees, 60, always())));
		this.player.tick();

		this.player.show(Fixtures.manifest("lobby-01", 2, item(this.awards, 60, always())));
		this.clock.advance(Duration.ofMillis(400));
		this.player.tick();

		assertThat(this.player.nowPlaying()).isEqualTo("awards");
		assertThat(this.events).isEmpty();
	}

	@Test
	void theSamePostingShownAgainKeepsItsKeySoThePageDoesNotFlicker() {
		this.player.show(Fixtures.manifest("lobby-01", 1, item(this.fees, 10, always())));
		this.player.tick();
		String key = this.player.now().key();

		this.clock.advance(Duration.ofSeconds(10));
		this.player.tick();

		assertThat(this.player.now().key()).isEqualTo(key);
		assertThat(this.events).hasSize(1);
	}

	@Test
	void itemsWithoutContentOnDiskDoNotPlay() {
		PostingContent missing = Fixtures.content("missing", "缺失");
		this.player
			.show(Fixtures.manifest("lobby-01", 1, item(missing, 10, always()), item(this.awards, 10, always())));
		this.player.tick();

		assertThat(this.player.nowPlaying()).isEqualTo("awards");
	}

	@Test
	void alertTakesTheScreenOverTheLoopAndTheLoopResumesWhenCleared() {
		Topics topics = Topics.defaults();
		Alerts alerts = new Alerts(Fixtures.CODEC, topics, (t) -> {
		});
		Player withAlerts = new Player(this.store, renderer, Fixtures.config(this.dir),
				(event) -> this.events.add(event), this.clock, this.noTimer, alerts);
		withAlerts.show(Fixtures.manifest("lobby-01", 1, item(this.fees, 10, always())));
		withAlerts.tick();
		assertThat(withAlerts.nowPlaying()).isEqualTo("fees");

		this.clock.advance(Duration.ofSeconds(4));
		alerts.received(topics.schoolAlert("school-1"),
				Fixtures.CODEC.encode(new Alert("a-1", "紧急疏散，请按指示离开教学楼", this.clock.instant())));
		withAlerts.tick();

		assertThat(withAlerts.now().html()).contains("紧急通知", "紧急疏散").doesNotContain("2026年秋季收费公示");
		assertThat(withAlerts.nowPlaying()).isNull();
		assertThat(this.events).singleElement()
			.satisfies((e) -> assertThat(e.durationMs()).as("the showing cut short, with its real length")
				.isEqualTo(4000));

		alerts.received(topics.schoolAlert("school-1"), new byte[0]);
		withAlerts.tick();
		assertThat(withAlerts.nowPlaying()).isEqualTo("fees");
	}

}
