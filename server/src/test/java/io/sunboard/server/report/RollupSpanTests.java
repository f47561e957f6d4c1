package io.sunboard.server.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import io.sunboard.server.ingest.UtcMonth;

import static org.assertj.core.api.Assertions.assertThat;

class RollupSpanTests {

	private static final Instant BASE = Instant.parse("2025-11-01T00:00:00Z");

	@Test
	void aYearInShanghaiIsHoursThenElevenMonthsThenDaysThenHours() {
		ZoneId shanghai = ZoneId.of("Asia/Shanghai");
		List<RollupSpan> spans = RollupSpan.of("play", LocalDate.of(2026, 1, 1).atStartOfDay(shanghai).toInstant(),
				LocalDate.of(2027, 1, 1).atStartOfDay(shanghai).toInstant());

		assertThat(spans).extracting((s) -> s.table() + " " + s.from() + " " + s.to())
			.containsExactly("play_hourly 2025-12-31T16:00:00Z 2026-01-01T00:00:00Z",
					"play_monthly 2026-01-01T00:00:00Z 2026-12-01T00:00:00Z",
					"play_daily 2026-12-01T00:00:00Z 2026-12-31T00:00:00Z",
					"play_hourly 2026-12-31T00:00:00Z 2026-12-31T16:00:00Z");
		assertThat(spans).extracting(RollupSpan::index).containsExactly(0, 1, 2, 3);
		assertThat(spans.get(1).condition("p")).isEqualTo("p.month_start >= :from1 and p.month_start < :to1");
	}

	@Test
	void rangesWithoutAWholeDayOrAWholeMonthUseTheFinerRollups() {
		assertThat(RollupSpan.of("play", at("2026-03-05T08:00:00Z"), at("2026-03-06T07:00:00Z")))
			.extracting(RollupSpan::table)
			.containsExactly("play_hourly");
		assertThat(RollupSpan.of("play", at("2026-03-05T00:00:00Z"), at("2026-03-20T00:00:00Z")))
			.extracting(RollupSpan::table)
			.containsExactly("play_daily");
		assertThat(RollupSpan.of("play", at("2026-03-01T00:00:00Z"), at("2026-05-01T00:00:00Z")))
			.extracting(RollupSpan::table)
			.containsExactly("play_monthly");
	}

	/**
	 * Whatever the range, the spans follow one another without gap or overlap from its
	 * start to its end, and each begins and ends on its rollup's buckets: no showing is
	 * counted twice or missed.
	 */
	@Property(tries = 2000)
	void spansTileTheRangeOnTheirRollupsBuckets(@ForAll @IntRange(min = 0, max = 24 * 500) int startHour,
			@ForAll @IntRange(min = 1, max = 24 * 400) int hours) {
		Instant from = BASE.plus(startHour, ChronoUnit.HOURS);
		Instant to = from.plus(hours, ChronoUnit.HOURS);
		List<RollupSpan> spans = RollupSpan.of("play", from, to);

		assertThat(spans.get(0).from()).isEqualTo(from);
		assertThat(spans.get(spans.size() - 1).to()).isEqualTo(to);
		for (int i = 0; i < spans.size(); i++) {
			RollupSpan span = spans.get(i);
			assertThat(span.index()).isEqualTo(i);
			assertThat(span.from()).isBefore(span.to());
			if (i > 0) {
				assertThat(span.from()).isEqualTo(spans.get(i - 1).to());
			}
			switch (span.table()) {
				case "play_monthly" -> {
					assertThat(span.from().atOffset(ZoneOffset.UTC).getDayOfMonth()).isOne();
					assertThat(span.to().atOffset(ZoneOffset.UTC).getDayOfMonth()).isOne();
					assertThat(span.from().truncatedTo(ChronoUnit.DAYS)).isEqualTo(span.from());
				}
				case "play_daily" -> {
					assertThat(span.from().truncatedTo(ChronoUnit.DAYS)).isEqualTo(span.from());
					assertThat(span.to().truncatedTo(ChronoUnit.DAYS)).isEqualTo(span.to());
				}
				default -> assertThat(span.table()).isEqualTo("play_hourly");
			}
		}
		// hours only where no whole day fits, days only where no whole month fits
		for (RollupSpan span : spans) {
			Instant day = span.from().truncatedTo(ChronoUnit.DAYS);
			Instant nextDay = day.equals(span.from()) ? day : day.plus(1, ChronoUnit.DAYS);
			if (span.table().equals("play_hourly")) {
				assertThat(nextDay.plus(1, ChronoUnit.DAYS)).isAfter(span.to());
			}
			if (span.table().equals("play_daily")) {
				Instant month = UtcMonth.start(span.from());
				Instant nextMonth = month.equals(span.from()) ? month : UtcMonth.next(month);
				assertThat(UtcMonth.next(nextMonth)).isAfter(span.to());
			}
		}
	}

	private static Instant at(String instant) {
		return Instant.parse(instant);
	}

}
