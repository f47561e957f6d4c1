package io.sunboard.server.device;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

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
		this.recent.put(this.lobby, this.recent.stamp());

		this.clock.advance(RecentCredentials.TTL.minusMillis(1));
		assertThat(this.recent.get("lobby-1")).contains(this.lobby);

		this.clock.advance(Duration.ofMillis(1));
		assertThat(this.recent.get("lobby-1")).as("another instance's revocation applies within the TTL").isEmpty();
		assertThat(this.recent.get("lobby-2")).isEmpty();
	}

	@Test
	void forgetsAScreenAtOnce() {
		this.recent.put(this.lobby, this.recent.stamp());

		this.recent.forget("lobby-1");

		assertThat(this.recent.get("lobby-1")).isEmpty();
	}

	@Test
	void keepsNothingReadBeforeAScreenWasForgotten() {
		// a dispatch (or a download) read the rows, then this instance rotated or retired
		// a screen: what was read may be the row from before that change
		long stamp = this.recent.stamp();
		this.recent.forget("lobby-9");

		this.recent.put(this.lobby, stamp);

		assertThat(this.recent.get("lobby-1")).isEmpty();
	}

	@Test
	void remembersAWholeSchoolReadByDispatch() {
		DeviceRepository.Credentials hall = new DeviceRepository.Credentials(
				new Device("hall-1", "s-1", "礼堂屏", "lobby", true), "b".repeat(64));

		this.recent.putAll(List.of(this.lobby, hall), this.recent.stamp());

		assertThat(this.recent.get("lobby-1")).contains(this.lobby);
		assertThat(this.recent.get("hall-1")).contains(hall);
	}

}
