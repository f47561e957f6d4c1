package io.sunboard.server.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.sunboard.protocol.JsonCodec;
import io.sunboard.protocol.Manifest;
import io.sunboard.protocol.ManifestItem;
import io.sunboard.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a screen may download, on H2: the references of a manifest are trusted for
 * {@link ManifestReferences#TRUSTED_FOR} after this instance dispatched or checked it,
 * then checked against the stored manifest again (another instance may have replaced it).
 */
class ManifestReferencesIT {

	private static final Instant T0 = Instant.parse("2026-12-04T02:00:00Z");

	private static final String OLD = "a".repeat(64);

	private static final String NEW = "b".repeat(64);

	private final MutableClock clock = new MutableClock(T0);

	private final JsonCodec codec = new JsonCodec();

	private JdbcClient jdbc;

	private JdbcTemplate batches;

	private DeviceManifestRepository manifests;

	private ManifestReferences references;

	@BeforeEach
	void database() {
		OneSchoolDatabase database = OneSchoolDatabase.with("lobby");
		this.jdbc = database.jdbc();
		this.batches = database.batches();
		this.manifests = database.manifests();
		this.references = new ManifestReferences(this.manifests, this.jdbc, this.codec, this.clock);
	}

	@Test
	void aScreenWithoutAManifestMayFetchNothing() {
		assertThat(this.references.mayFetch("lobby", OLD)).isFalse();
	}

	@Test
	void anotherInstancesNewerManifestIsServedAtOnce() {
		store(1, OLD, Set.of());
		assertThat(this.references.mayFetch("lobby", OLD)).isTrue();
		assertThat(this.references.mayFetch("lobby", NEW)).isFalse();

		// another instance replaces the manifest: the old document is no longer listed
		store(2, NEW, Set.of("lobby"));
		assertThat(this.references.mayFetch("lobby", NEW)).as("the screen fetches the new document at once").isTrue();
		assertThat(this.references.mayFetch("lobby", OLD)).as("dropped by the new manifest").isFalse();
	}

	@Test
	void aDocumentThisInstanceHandedOutStaysAvailableForTheTrustedTimeOnly() {
		store(1, OLD, Set.of());
		assertThat(this.references.mayFetch("lobby", OLD)).isTrue();

		// another instance replaces the manifest, and this one is not asked about the new
		// document: the old one is still trusted for a while
		store(2, NEW, Set.of("lobby"));
		this.clock.advance(ManifestReferences.TRUSTED_FOR.minusMillis(1));
		assertThat(this.references.mayFetch("lobby", OLD)).as("still trusted").isTrue();

		this.clock.advance(Duration.ofMillis(1));
		assertThat(this.references.mayFetch("lobby", OLD)).isFalse();
	}

	@Test
	void whatThisInstanceDispatchedIsServedWithoutReadingItBackAndAnOlderVersionDoesNotReplaceIt() {
		// nothing stored: only what was remembered can answer yes
		this.references.remember("lobby", 2, "2".repeat(64), List.of(item(NEW)));
		this.references.remember("lobby", 1, "1".repeat(64), List.of(item(OLD)));

		assertThat(this.references.mayFetch("lobby", NEW)).isTrue();
		assertThat(this.references.mayFetch("lobby", OLD)).as("version 1 did not replace version 2").isFalse();
	}

	@Test
	void aManifestDispatchedWhileAnOlderOneIsReadBackIsNotForgotten() {
		store(1, OLD, Set.of());
		ManifestReferences[] racing = new ManifestReferences[1];
		DeviceManifestRepository slowRead = new DeviceManifestRepository(this.jdbc, this.batches) {
			@Override
			Optional<Stored> find(String deviceId) {
				Optional<Stored> read = super.find(deviceId);
				// this instance's dispatcher commits version 2 just after the read
				racing[0].remember("lobby", 2, "2".repeat(64), List.of(item(NEW)));
				return read;
			}
		};
		racing[0] = new ManifestReferences(slowRead, this.jdbc, this.codec, this.clock);

		assertThat(racing[0].mayFetch("lobby", OLD)).as("version 2 is current by the time of the answer").isFalse();
		assertThat(racing[0].mayFetch("lobby", NEW)).as("the screen's next download, of version 2").isTrue();
	}

	@Test
	void onceTheTrustRunsOutTheStoredManifestWinsEvenWithALowerVersion() {
		this.references.remember("lobby", 5, "5".repeat(64), List.of(item(OLD)));
		store(1, NEW, Set.of());

		this.clock.advance(ManifestReferences.TRUSTED_FOR);

		assertThat(this.references.mayFetch("lobby", NEW)).isTrue();
		assertThat(this.references.mayFetch("lobby", OLD)).isFalse();
	}

	private void store(long version, String contentSha256, Set<String> existing) {
		String hash = Long.toString(version).repeat(64);
		Manifest manifest = new Manifest(Manifest.SCHEMA, "lobby", "s1", "s", version, hash, T0,
				List.of(item(contentSha256)), "r1");
		this.manifests.saveAll(List
			.of(new DeviceManifestRepository.Stored("lobby", version, hash, this.codec.encodeToString(manifest))),
				existing, this.clock.instant());
	}

	private static ManifestItem item(String contentSha256) {
		return new ManifestItem("p-1", "收费公示", "fee", contentSha256, 10, 0, List.of());
	}

}
