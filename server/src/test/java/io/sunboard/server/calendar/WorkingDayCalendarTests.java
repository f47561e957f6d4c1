package io.sunboard.server.calendar;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkingDayCalendarTests {

	private final WorkingDayCalendar calendar = new WorkingDayCalendar(
			new CalendarFiles(JsonMapper.builder().build()).load(null));

	@Test
	void nationalDayWeekIsOffAndItsMakeUpSaturdayIsWorked() {
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse();
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2026, 10, 7))).isFalse();
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2026, 10, 8))).isTrue();
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).as("make-up Saturday").isTrue();
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2026, 10, 11))).as("ordinary Sunday").isFalse();
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2026, 9, 20))).as("make-up Sunday").isTrue();
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2026, 9, 25))).as("Mid-Autumn Friday").isFalse();
	}

	@Test
	void consultationReplyDueTwoWorkingDaysLaterSkipsTheNationalDayHoliday() {
		// asked on Wednesday 30 September: 1 and 2 are the first two working days after
		// the holiday
		assertThat(this.calendar.plusWorkingDays(LocalDate.of(2026, 9, 30), 2)).isEqualTo(LocalDate.of(2026, 10, 9));
	}

	@Test
	void complaintReplyDueTenWorkingDaysLaterCountsTheMakeUpSaturday() {
		// Mon 28 Sep: 29, 30 Sep; 8, 9, 10 (Sat, make-up), 12, 13, 14, 15, 16 Oct
		assertThat(this.calendar.plusWorkingDays(LocalDate.of(2026, 9, 28), 10)).isEqualTo(LocalDate.of(2026, 10, 16));
		assertThat(this.calendar.workingDaysBetween(LocalDate.of(2026, 9, 28), LocalDate.of(2026, 10, 16)))
			.isEqualTo(10);
	}

	@Test
	void proactiveDisclosureWindowOfTwentyWorkingDaysCrossesSpringFestival() {
		// formed Friday 6 Feb 2026; 9–13 Feb (5), Sat 14 Feb make-up (6), 15–23 off,
		// 24–27 Feb (10),
		// Sat 28 Feb make-up (11), 2–6 Mar (16), 9–12 Mar (20)
		assertThat(this.calendar.plusWorkingDays(LocalDate.of(2026, 2, 6), 20)).isEqualTo(LocalDate.of(2026, 3, 12));
	}

	@Test
	void nextYearIsShippedAsProvisionalWithItsStatutoryHolidays() {
		assertThat(this.calendar.covers(2027)).isTrue();
		assertThat(this.calendar.isProvisional(2027)).isTrue();
		assertThat(this.calendar.isProvisional(2026)).as("2026 is the official notice").isFalse();
		// Spring Festival: New Year's Eve Fri 5 Feb (the new moon is at 23:56 Beijing
		// time on
		// 6 Feb, so 6 Feb is the first day of the year), 6–8 Feb, and the two weekend
		// days
		// made up on Tue 9 and Wed 10 Feb (放假办法 art. 6)
		assertThat(this.calendar.plusWorkingDays(LocalDate.of(2027, 2, 4), 1)).isEqualTo(LocalDate.of(2027, 2, 11));
		// complaint received Thu 30 Sep 2027: 1 Oct (Fri) to 5 Oct (Tue) off, then 6–8,
		// 11–15, 18, 19
		assertThat(this.calendar.plusWorkingDays(LocalDate.of(2027, 9, 30), 10)).isEqualTo(LocalDate.of(2027, 10, 19));
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2027, 4, 5))).as("Qingming Monday").isFalse();
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2027, 5, 4))).as("Labour Day made up").isFalse();
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2027, 6, 9))).as("Dragon Boat").isFalse();
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2027, 9, 15))).as("Mid-Autumn").isFalse();
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2027, 9, 16))).isTrue();
	}

	@Test
	void yearWithoutDataFallsBackToMondayToFriday() {
		assertThat(this.calendar.covers(2030)).isFalse();
		assertThat(this.calendar.isProvisional(2030)).isTrue();
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2030, 10, 1))).as("a Tuesday, no data").isTrue();
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2030, 10, 5))).as("a Saturday").isFalse();
	}

	@Test
	void administratorAddsAYearWithAFileInTheCalendarFolder(@TempDir Path dir) throws Exception {
		Files.writeString(dir.resolve("cn-2030.json"), """
				{"year": 2030, "source": "test notice",
				 "holidays": [{"name": "国庆节", "from": "2030-10-01", "to": "2030-10-07"}],
				 "workdays": ["2030-10-12"]}
				""", StandardCharsets.UTF_8);

		WorkingDayCalendar withAdminYear = new WorkingDayCalendar(
				new CalendarFiles(JsonMapper.builder().build()).load(dir));

		assertThat(withAdminYear.covers(2030)).isTrue();
		assertThat(withAdminYear.isProvisional(2030)).as("a file without 'provisional' is official").isFalse();
		assertThat(withAdminYear.isWorkingDay(LocalDate.of(2030, 10, 1))).isFalse();
		assertThat(withAdminYear.isWorkingDay(LocalDate.of(2030, 10, 12))).isTrue();
		assertThat(withAdminYear.covers(2026)).as("shipped years stay").isTrue();
	}

	@Test
	void badFilesAreRefusedSayingWhatIsWrong() {
		assertThatThrownBy(() -> new CalendarFiles(JsonMapper.builder().build())
			.parse("{\"year\":2030,\"source\":\"x\",\"holidays\":[],\"workdays\":[\"2031-01-01\"]}"
				.getBytes(StandardCharsets.UTF_8), "cn-2030.json"))
			.hasMessageContaining("2031-01-01 is not in 2030");
		assertThatThrownBy(() -> new CalendarFiles(JsonMapper.builder().build())
			.parse("{\"year\":2030,\"holidays\":[],\"workdays\":[]}".getBytes(StandardCharsets.UTF_8), "cn-2030.json"))
			.hasMessageContaining("source");
	}

}
