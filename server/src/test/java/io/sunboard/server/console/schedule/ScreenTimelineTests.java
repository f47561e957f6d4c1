package io.sunboard.server.console.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.sunboard.server.dispatch.NowAndNext;

import static org.assertj.core.api.Assertions.assertThat;

class ScreenTimelineTests {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private static final NowAndNext.Shown FEES = new NowAndNext.Shown("p-1", "收费公示", "fee-notice", 0, 10);

	@Test
	void hoursBeforeNowArePastAndTheLoopFillsTheHoursItCovers() {
		// now is 10:30 local; the fee notice shows until 12:15, then nothing
		Instant now = Instant.parse("2026-11-23T02:30:00Z");
		Instant change = Instant.parse("2026-11-23T04:15:00Z");
		NowAndNext outlook = new NowAndNext("lobby-1", now, now.plusSeconds(7 * 86_400), 3, List.of(FEES),
				List.of(new NowAndNext.Change(change, List.of())));

		ScreenTimeline timeline = ScreenTimeline.of(outlook, SHANGHAI, LocalDate.of(2026, 11, 23), 7);

		List<ScreenTimeline.Hour> today = timeline.days().get(0).hours();
		assertThat(today.get(9).state()).isEqualTo(ScreenTimeline.State.PAST);
		assertThat(today.get(10).state()).isEqualTo(ScreenTimeline.State.SHOWING);
		assertThat(today.get(10).titles()).containsExactly("收费公示");
		assertThat(today.get(12).state()).isEqualTo(ScreenTimeline.State.SHOWING);
		assertThat(today.get(13).state()).isEqualTo(ScreenTimeline.State.IDLE);
		assertThat(timeline.days()).hasSize(7);
		assertThat(timeline.now()).containsExactly("收费公示");
		assertThat(timeline.changes()).singleElement()
			.satisfies((c) -> assertThat(c.at().toLocalTime().toString()).isEqualTo("12:15"));
	}

	@Test
	void hoursAfterTheOutlookEndsAreBeyondIt() {
		Instant now = Instant.parse("2026-11-23T00:00:00Z");
		NowAndNext outlook = new NowAndNext("lobby-1", now, now.plusSeconds(3600), 0, List.of(), List.of());

		ScreenTimeline timeline = ScreenTimeline.of(outlook, SHANGHAI, LocalDate.of(2026, 11, 23), 1);

		assertThat(timeline.days().get(0).hours().get(8).state()).isEqualTo(ScreenTimeline.State.IDLE);
		assertThat(timeline.days().get(0).hours().get(9).state()).isEqualTo(ScreenTimeline.State.BEYOND);
		assertThat(timeline.days().get(0).hours().get(9).cssClass()).isEqualTo("slot-beyond");
	}

}
