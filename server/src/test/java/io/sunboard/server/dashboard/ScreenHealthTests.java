package io.sunboard.server.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScreenHealthTests {

	private static final Duration MINUTE = Duration.ofMinutes(1);

	private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC);

	private final Instant now = this.clock.instant();

	@Test
	void onlineScreenThatAppliedTheLatestManifestIsFine() {
		assertThat(ScreenHealth.classify(true, 7, 7, this.now.minus(Duration.ofHours(1)), this.now, MINUTE))
			.isEqualTo(ScreenHealth.FINE);
	}

	@Test
	void onlineScreenWithoutAnyManifestIsFine() {
		assertThat(ScreenHealth.classify(true, 0, 0, null, this.now, MINUTE)).isEqualTo(ScreenHealth.FINE);
	}

	@Test
	void onlineScreenStillApplyingWithinTheMinuteIsFine() {
		Instant published = this.now.minusSeconds(59);
		assertThat(ScreenHealth.classify(true, 6, 7, published, this.now, MINUTE)).isEqualTo(ScreenHealth.FINE);
	}

	@Test
	void onlineScreenThatHasNotAppliedTheLatestManifestAMinuteAfterItsPublishIsStale() {
		assertThat(ScreenHealth.classify(true, 6, 7, this.now.minus(MINUTE), this.now, MINUTE))
			.isEqualTo(ScreenHealth.STALE);
		assertThat(ScreenHealth.classify(true, 0, 1, this.now.minus(Duration.ofDays(1)), this.now, MINUTE))
			.isEqualTo(ScreenHealth.STALE);
	}

	@Test
	void offlineScreenIsOfflineWhateverItApplied() {
		assertThat(ScreenHealth.classify(false, 7, 7, this.now.minus(Duration.ofHours(1)), this.now, MINUTE))
			.isEqualTo(ScreenHealth.OFFLINE);
		assertThat(ScreenHealth.classify(false, 1, 7, this.now.minus(Duration.ofHours(1)), this.now, MINUTE))
			.isEqualTo(ScreenHealth.OFFLINE);
	}

	@Test
	void theThresholdIsTheSetting() {
		Instant published = this.now.minusSeconds(10);
		assertThat(ScreenHealth.classify(true, 1, 2, published, this.now, Duration.ofSeconds(5)))
			.isEqualTo(ScreenHealth.STALE);
		assertThat(ScreenHealth.classify(true, 1, 2, published, this.now, Duration.ofSeconds(30)))
			.isEqualTo(ScreenHealth.FINE);
	}

}
