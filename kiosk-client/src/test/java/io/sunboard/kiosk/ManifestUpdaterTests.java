package io.sunboard.kiosk;

import io.sunboard.testsupport.MutableClock;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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

import io.sunboard.protocol.Attachment;
import io.sunboard.protocol.DeviceEvent;
import io.sunboard.protocol.EventType;
import io.sunboard.protocol.Manifest;
import io.sunboard.protocol.PostingContent;
import io.sunboard.protocol.Sha256;
import io.sunboard.templates.PostingRenderer;

import static io.sunboard.kiosk.Fixtures.always;
import static io.sunboard.kiosk.Fixtures.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ManifestUpdaterTests {

	@TempDir
	Path dir;

	private final PostingContent fees = Fixtures.content("fees", "收费公示");

	private final PostingContent awards = Fixtures.content("awards", "评优公示");

	/** What the fake server serves, by hash. */
	private final Map<String, byte[]> served = new ConcurrentHashMap<>();

	private final List<DeviceEvent> events = new CopyOnWriteArrayList<>();

	private KioskThreads threads;

	private Player player;

	private ManifestUpdater updater;

	@BeforeEach
	void setUp() {
		this.threads = KioskThreads.create("test");
		this.updater = newUpdater();
		serve(this.fees);
		serve(this.awards);
	}

	@AfterEach
	void tearDown() {
		this.threads.shutdown();
	}

	private ManifestUpdater newUpdater() {
		// No room beyond the manifest on screen: everything else is evicted at once.
		ContentStore store = new ContentStore(this.dir.resolve("content"), Fixtures.CODEC, 0);
		this.player = new Player(store, new PostingRenderer(), Fixtures.config(this.dir), this.events::add,
				new MutableClock(Fixtures.T0), this.threads.timer());
		ContentSource source = (sha) -> {
			byte[] bytes = this.served.get(sha);
			if (bytes == null) {
				throw new IOException("HTTP 404");
			}
			return bytes;
		};
		return new ManifestUpdater("lobby-01", Fixtures.CODEC, store, source,
				new ManifestFile(this.dir.resolve("manifest.json"), Fixtures.CODEC), this.player, this.events::add,
				new MutableClock(Fixtures.T0), this.threads);
	}

	private void serve(PostingContent content) {
		this.served.put(Fixtures.sha(content), Fixtures.bytes(content));
	}

	/**
	 * The manifest is on screen and its {@code applied} event journaled: the last step of
	 * applying, after the cache was trimmed.
	 */
	private boolean applied(long version) {
		return this.updater.appliedVersion() == version && this.events.stream()
			.anyMatch((event) -> event.type() == EventType.APPLIED && event.manifestVersion() == version);
	}

	private void receive(Manifest manifest) {
		this.updater.received(Fixtures.CODEC.encode(manifest));
	}

	private Manifest both(long version) {
		return Fixtures.manifest("lobby-01", version, item(this.fees, 10, always()), item(this.awards, 10, always()));
	}

	@Test
	void fetchesVerifiesPersistsAndJournalsApplied() {
		receive(both(3));

		await().atMost(Duration.ofSeconds(5)).until(() -> applied(3));
		assertThat(this.dir.resolve("manifest.json")).exists();
		assertThat(this.dir.resolve("content").resolve(Fixtures.sha(this.fees))).exists();
		assertThat(this.events).singleElement().satisfies((event) -> {
			assertThat(event.type()).isEqualTo(EventType.APPLIED);
			assertThat(event.manifestVersion()).isEqualTo(3);
		});
	}

	@Test
	void contentWithTheWrongHashKeepsTheOldManifestUntilTheServerIsFixed() {
		receive(Fixtures.manifest("lobby-01", 1, item(this.fees, 10, always())));
		await().atMost(Duration.ofSeconds(5)).until(() -> applied(1));
		this.served.put(Fixtures.sha(this.awards), "tampered".getBytes(StandardCharsets.UTF_8));

		receive(both(2));

		await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> applied(1));
		assertThat(this.dir.resolve("content").resolve(Fixtures.sha(this.awards))).doesNotExist();

		serve(this.awards);
		receive(both(2));
		await().atMost(Duration.ofSeconds(5)).until(() -> applied(2));
	}

	@Test
	void aCarriedDocumentIsCachedWithoutAFetchAndTheSavedManifestDropsIt() throws Exception {
		this.served.clear();
		Manifest carrying = carrying(1, Map.of(Fixtures.sha(this.fees), text(this.fees)));

		receive(carrying);

		await().atMost(Duration.ofSeconds(5)).until(() -> applied(1));
		assertThat(this.dir.resolve("content").resolve(Fixtures.sha(this.fees)))
			.hasBinaryContent(Fixtures.bytes(this.fees));
		assertThat(Files.readString(this.dir.resolve("manifest.json"))).doesNotContain("documents");
		assertThat(this.updater.carriedRefused()).isZero();
		this.player.tick();
		assertThat(this.player.nowPlaying()).isEqualTo("fees");
	}

	@Test
	void aCarriedDocumentThatDoesNotMatchItsHashIsRefusedCountedAndFetched() {
		Manifest carrying = carrying(1, Map.of(Fixtures.sha(this.fees), text(this.awards)));

		receive(carrying);

		await().atMost(Duration.ofSeconds(5)).until(() -> applied(1));
		assertThat(this.dir.resolve("content").resolve(Fixtures.sha(this.fees)))
			.hasBinaryContent(Fixtures.bytes(this.fees));
		assertThat(this.updater.carriedRefused()).isEqualTo(1);
	}

	@Test
	void aDocumentNeitherCarriedNorServedKeepsTheOldManifest() {
		receive(Fixtures.manifest("lobby-01", 1, item(this.fees, 10, always())));
		await().atMost(Duration.ofSeconds(5)).until(() -> applied(1));
		this.served.clear();

		// carries fees (cached already), not awards
		receive(new Manifest(Manifest.SCHEMA, "lobby-01", "school-1", null, 2, Sha256.of("v2".getBytes()), Fixtures.T0,
				both(2).items(), null, Map.of(Fixtures.sha(this.fees), text(this.fees))));

		await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> applied(1));
	}

	private Manifest carrying(long version, Map<String, String> documents) {
		return new Manifest(Manifest.SCHEMA, "lobby-01", "school-1", null, version,
				Sha256.of(("v" + version).getBytes(StandardCharsets.UTF_8)), Fixtures.T0,
				List.of(item(this.fees, 10, always())), null, documents);
	}

	private static String text(PostingContent content) {
		return new String(Fixtures.bytes(content), StandardCharsets.UTF_8);
	}

	@Test
	void manifestForAnotherDeviceOrMalformedIsIgnored() {
		receive(Fixtures.manifest("lobby-01", 1, item(this.fees, 10, always())));
		await().atMost(Duration.ofSeconds(5)).until(() -> applied(1));

		receive(Fixtures.manifest("lobby-02", 9, item(this.fees, 10, always())));
		this.updater.received("{\"schema\":1,\"deviceId\":\"lobby-01\",\"version\":-4}".getBytes());
		this.updater.received(new byte[0]);
		receive(both(2));

		await().atMost(Duration.ofSeconds(5)).until(() -> applied(2));
		assertThat(this.events).extracting(DeviceEvent::manifestVersion).containsExactly(1L, 2L);
	}

	@Test
	void eachNewlyAppliedManifestTellsItsListenerOnceAndAFailedOneNever() {
		List<Long> told = new CopyOnWriteArrayList<>();
		this.updater.onApplied(() -> told.add(this.updater.appliedVersion()));

		receive(both(1));
		await().atMost(Duration.ofSeconds(5)).until(() -> applied(1));
		receive(both(1));
		this.served.remove(Fixtures.sha(this.awards));
		receive(Fixtures.manifest("lobby-01", 2, item(this.fees, 10, always())));
		await().atMost(Duration.ofSeconds(5)).until(() -> applied(2));
		this.served.clear();
		receive(Fixtures.manifest("lobby-01", 3, item(Fixtures.content("new", "新公示"), 10, always())));

		await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> applied(2));
		assertThat(told).containsExactly(1L, 2L);
	}

	@Test
	void theSameManifestDeliveredTwiceIsAppliedOnce() {
		receive(both(4));
		await().atMost(Duration.ofSeconds(5)).until(() -> applied(4));

		receive(both(4));
		receive(Fixtures.manifest("lobby-01", 5, item(this.fees, 10, always())));

		await().atMost(Duration.ofSeconds(5)).until(() -> applied(5));
		assertThat(this.events).extracting(DeviceEvent::manifestVersion).containsExactly(4L, 5L);
		assertThat(this.dir.resolve("content").resolve(Fixtures.sha(this.awards)))
			.as("content no longer in the manifest is evicted when the cache is over its budget")
			.doesNotExist();
	}

	@Test
	void aRestartPlaysTheSavedManifestWithoutAnyNetwork() {
		receive(both(6));
		await().atMost(Duration.ofSeconds(5)).until(() -> applied(6));
		this.served.clear();

		ManifestUpdater restarted = newUpdater();
		restarted.restore();

		assertThat(restarted.appliedVersion()).isEqualTo(6);
		this.player.tick();
		assertThat(this.player.nowPlaying()).isEqualTo("fees");
	}

	@Test
	void attachmentsAreFetchedByHashVerifiedAndKeptWithTheirPostingInTheBudget() {
		byte[] photo = Fixtures.png();
		PostingContent withPhoto = Fixtures.withAttachments(this.fees,
				new Attachment("校门.png", "image/png", Sha256.of(photo), photo.length));
		serve(withPhoto);
		this.served.put(Sha256.of(photo), photo);

		receive(Fixtures.manifest("lobby-01", 1, item(withPhoto, 10, always())));

		await().atMost(Duration.ofSeconds(5))
			.until(() -> applied(1) && Files.exists(this.dir.resolve("content").resolve(Sha256.of(photo))));
		// The budget is 0 bytes: only what the manifest on screen needs stays, the
		// attachment included.
		receive(Fixtures.manifest("lobby-01", 2, item(withPhoto, 10, always()), item(this.awards, 10, always())));
		await().atMost(Duration.ofSeconds(5)).until(() -> applied(2));
		assertThat(this.dir.resolve("content").resolve(Sha256.of(photo))).exists();

		receive(Fixtures.manifest("lobby-01", 3, item(this.awards, 10, always())));
		await().atMost(Duration.ofSeconds(5)).until(() -> applied(3));
		assertThat(this.dir.resolve("content").resolve(Sha256.of(photo)))
			.as("an attachment counts in the cache budget and leaves with its posting")
			.doesNotExist();
	}

	@Test
	void aTamperedAttachmentIsRefusedAndFetchedAgainWhileThePostingPlays() {
		byte[] pdf = Fixtures.pdf();
		String sha = Sha256.of(pdf);
		PostingContent withPdf = Fixtures.withAttachments(this.fees,
				new Attachment("批复文件.pdf", "application/pdf", sha, pdf.length));
		serve(withPdf);
		this.served.put(sha, "not the approval document".getBytes(StandardCharsets.UTF_8));

		receive(Fixtures.manifest("lobby-01", 1, item(withPdf, 10, always())));

		await().atMost(Duration.ofSeconds(5)).until(() -> applied(1));
		assertThat(this.dir.resolve("content").resolve(sha)).doesNotExist();
		this.player.tick();
		assertThat(this.player.nowPlaying()).isEqualTo("fees");

		this.served.put(sha, pdf);
		await().atMost(Duration.ofSeconds(15)).until(() -> Files.exists(this.dir.resolve("content").resolve(sha)));
		assertThat(this.events).extracting(DeviceEvent::manifestVersion).containsExactly(1L);
	}

}
