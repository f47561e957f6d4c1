package io.sunboard.server.calendar;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import io.sunboard.protocol.ContentTable;
import io.sunboard.protocol.PostingContent;
import io.sunboard.templates.ContentValidator;
import io.sunboard.templates.KindCatalog;
import io.sunboard.templates.Violation;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server counts minimum publicity periods with China's calendar (as
 * {@code KindConfiguration} wires it), not Monday to Friday.
 */
class PublicityPeriodCalendarTests {

	private final WorkingDayCalendar calendar = new WorkingDayCalendar(
			new CalendarFiles(JsonMapper.builder().build()).load(null));

	private final ContentValidator server = new ContentValidator(KindCatalog.standard(), this.calendar::isWorkingDay);

	private final ContentValidator weekdaysOnly = new ContentValidator(KindCatalog.standard());

	/** Monday 28 September 2026, 08:00 in Shanghai. */
	private static final Instant START = Instant.parse("2026-09-28T00:00:00Z");

	@Test
	void admissionListAcrossNationalDayNeedsTenRealWorkingDays() {
		// 28, 29, 30 Sep; 8, 9, 10 (make-up Saturday), 12, 13, 14 Oct: nine working days
		// to the end of Wednesday 14 October, where Monday to Friday would count 13
		PostingContent toOct14 = admission(START, Instant.parse("2026-10-14T16:00:00Z"));
		PostingContent toOct15 = admission(START, Instant.parse("2026-10-15T16:00:00Z"));

		assertThat(this.server.validate(toOct14, Locale.SIMPLIFIED_CHINESE)).extracting(Violation::message)
			.containsExactly("招生录取的公示期至少为 10 个工作日，当前只有 9 个工作日，请推迟结束时间");
		assertThat(this.weekdaysOnly.validate(toOct14, Locale.SIMPLIFIED_CHINESE)).isEmpty();
		assertThat(this.server.validate(toOct15, Locale.SIMPLIFIED_CHINESE)).isEmpty();
	}

	private static PostingContent admission(Instant start, Instant end) {
		return new PostingContent(PostingContent.SCHEMA, "p-1", "admission", "2026年秋季招生录取名单", null, start, end, "第一小学",
				"Asia/Shanghai",
				Map.of("policySummary", "按学区划片招生", "plan", "一年级 4 个班 180 人", "appealPhone", "0595-22345678",
						"appealAddress", "鲤城区教育局 301 室", "appealEmail", "zhaosheng@example.edu.cn"),
				List.of(new ContentTable("results", List.of("姓名", "录取编号", "录取学校", "状态"),
						List.of(List.of("张三明", "2026001", "一年级一班", "录取")))));
	}

}
