package io.sunboard.server.device;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.sunboard.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

class RecentCredentialsTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T08:00:00Z"));

	private final RecentCredentials recent = new RecentCredentials(this.clock);

	private final DeviceRepository.Credentials lobby = new DeviceRepository.Credentials(
			new Device("lobby-1", "s-1", "大厅屏", "lobby", true), "a".repeat(64));

	@Test
	void remembersAScreenForTenSecondsOnly() {
		this.recent.put(this.lobby);

		this.clock.advance(RecentCredentials.TTL.minusMillis(1));
		assertThat(this.recent.get("lobby-1")).contains(this.lobby);

		this.clock.advance(Duration.ofMillis(1));
		assertThat(this.recent.get("lobby-1")).as("another instance's revocation applies within the TTL").isEmpty();
		assertThat(this.recent.get("lobby-2")).isEmpty();
	}

	@Test
	void forgetsAScreenAtOnce() {
		this.recent.put(this.lobby);

		this.recent.forget("lobby-1");

		assertThat(this.recent.get("lobby-1")).isEmpty();
	}

}
