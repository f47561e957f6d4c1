package io.sunboard.templates;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.sunboard.protocol.ContentTable;
import io.sunboard.protocol.PostingContent;
import io.sunboard.templates.KindDefinition.FieldDefinition;

import static org.assertj.core.api.Assertions.assertThat;

class ContentValidatorTests {

	private static final KindCatalog kinds = KindCatalog.standard();

	private static final ContentValidator validator = new ContentValidator(kinds);

	private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

	private static List<Violation> validate(PostingContent content) {
		return validator.validate(content, ZH);
	}

	private static List<String> codes(PostingContent content) {
		return validate(content).stream().map(Violation::code).toList();
	}

	@Test
	void everyKindsExampleIsValid() {
		assertThat(KindExamples.all()).extracting(PostingContent::kind).containsExactlyElementsOf(kinds.ids());
		for (PostingContent example : KindExamples.all()) {
			assertThat(validate(example)).as(example.kind()).isEmpty();
		}
	}

	static Stream<Arguments> requiredFields() {
		return KindExamples.all()
			.stream()
			.flatMap((example) -> kinds.find(example.kind())
				.orElseThrow()
				.fields()
				.stream()
				.filter(FieldDefinition::required)
				.map((field) -> Arguments.of(example, field.name())));
	}

	@ParameterizedTest(name = "{0} without {1}")
	@MethodSource("requiredFields")
	void everyMandatoryFieldIsRequired(PostingContent example, String field) {
		List<Violation> violations = validate(KindExamples.withField(example, field, null));

		assertThat(violations).singleElement().satisfies((violation) -> {
			assertThat(violation.code()).isEqualTo("field.required");
			assertThat(violation.target()).isEqualTo(field);
		});
		assertThat(validate(KindExamples.withField(example, field, "  "))).extracting(Violation::code)
			.containsExactly("field.required");
	}

	@Test
	void feeNoticeWithoutComplaintPhoneSaysWhatToDoInTheReadersLanguage() {
		PostingContent content = KindExamples.withField(KindExamples.feeNotice(), "complaintPhone", null);

		assertThat(validator.validate(content, ZH)).extracting(Violation::message).containsExactly("收费公示需要填写投诉电话");
		assertThat(validator.validate(content, Locale.ENGLISH)).extracting(Violation::message)
			.containsExactly("Fee notice needs “Complaint phone number”: fill it in");
		assertThat(validator.validate(content, Locale.TRADITIONAL_CHINESE)).extracting(Violation::message)
			.containsExactly("收費公示需要填寫投訴電話");
	}

	@Test
	void admissionNeedsTheWholeAppealChannel() {
		PostingContent admission = KindExamples.admission(3);

		assertThat(validate(KindExamples.withField(admission, "appealEmail", null))).extracting(Violation::message)
			.containsExactly("招生录取需要填写申诉邮箱");
		assertThat(validate(KindExamples.withField(admission, "appealAddress", null))).extracting(Violation::message)
			.containsExactly("招生录取需要填写申诉受理地址");
	}

	@ParameterizedTest
	@ValueSource(strings = { "请致电学校", "12", "电话：0595" })
	void phoneFieldsMustHoldAPhoneNumber(String phone) {
		assertThat(codes(KindExamples.withField(KindExamples.feeNotice(), "complaintPhone", phone)))
			.containsExactly("field.phone");
	}

	@ParameterizedTest
	@ValueSource(strings = { "12345", "0595-22345678", "(0595) 2234 5678", "0595-22345678、12345", "+86 138 1234 5678" })
	void commonPhoneFormsAreAccepted(String phone) {
		assertThat(ContentValidator.isPhone(phone)).isTrue();
	}

	@Test
	void emailFieldsMustHoldAnEmailAddress() {
		assertThat(validate(KindExamples.withField(KindExamples.admission(3), "appealEmail", "招生办信箱")))
			.extracting(Violation::code)
			.containsExactly("field.email");
	}

	@Test
	void fieldsTheKindDoesNotHaveAreRefused() {
		assertThat(codes(KindExamples.withField(KindExamples.general(), "complaintPhone", "12345")))
			.containsExactly("field.unknown");
	}

	@Test
	void unknownKindIsRefusedNamingTheKnownOnes() {
		PostingContent content = new PostingContent(PostingContent.SCHEMA, "p-1", "gossip", "t", "b",
				KindExamples.START, KindExamples.END, null, "Asia/Shanghai");

		assertThat(validate(content)).singleElement().satisfies((violation) -> {
			assertThat(violation.code()).isEqualTo("kind.unknown");
			assertThat(violation.message()).contains("gossip", "fee-notice", "emergency");
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "decision", "emergency" })
	void kindsThatAreTextNeedABody(String kind) {
		PostingContent example = KindExamples.all().stream().filter((c) -> c.kind().equals(kind)).findFirst().get();
		PostingContent noBody = new PostingContent(example.schema(), example.postingId(), kind, example.title(), " ",
				example.publicityStart(), example.publicityEnd(), example.schoolName(), example.timeZone(),
				example.fields(), example.tables());

		assertThat(codes(noBody)).containsExactly("body.required");
	}

	@Test
	void emergencyAlertIsTextOnly() {
		ContentTable table = new ContentTable("results", List.of("姓名"), List.of(List.of("张三")));

		assertThat(codes(KindExamples.withTables(KindExamples.emergency(), List.of(table))))
			.containsExactly("table.unknown");
	}

	@Test
	void requiredTableMustHaveRows() {
		PostingContent noTable = KindExamples.withTables(KindExamples.feeNotice(), List.of());
		ContentTable empty = new ContentTable("items", List.of("收费项目", "收费标准", "计费单位", "收费范围"), List.of());

		assertThat(validate(noTable)).extracting(Violation::message).containsExactly("收费公示需要“收费项目”表格，请导入或填写至少一行");
		assertThat(codes(KindExamples.withTables(KindExamples.feeNotice(), List.of(empty))))
			.containsExactly("table.required");
	}

	@Test
	void feeItemsNeedEveryColumnTheRulesName() {
		ContentTable noScope = new ContentTable("items", List.of("收费项目", "收费标准", "计费单位"),
				List.of(List.of("作业本费", "18 元/学期", "每生每学期")));

		assertThat(validate(KindExamples.withTables(KindExamples.feeNotice(), List.of(noScope))))
			.extracting(Violation::message)
			.containsExactly("收费公示的“收费项目”表格缺少“收费范围”列，请补上这一列");
	}

	@Test
	void columnsMatchTheirAliasesIgnoringCaseAndSpacing() {
		ContentTable english = new ContentTable("items", List.of("Item", "STANDARD", "Billing_Unit", " scope "),
				List.of(List.of("Exercise books", "18 yuan/term", "per pupil per term", "all pupils")));

		assertThat(validate(KindExamples.withTables(KindExamples.feeNotice(), List.of(english)))).isEmpty();
	}

	@Test
	void feeStandardNeedsAnAmountAndAUnit() {
		ContentTable table = new ContentTable("items", List.of("收费项目", "收费标准", "计费单位", "收费范围"),
				List.of(List.of("作业本费", "18 元/学期", "每生每学期", "全体"), List.of("午餐费", "6", "每餐", "自愿"),
						List.of("校服费", "按实收取", "每套", "自愿")));

		List<Violation> violations = validate(KindExamples.withTables(KindExamples.feeNotice(), List.of(table)));

		assertThat(violations).extracting(Violation::target).containsExactly("items#2", "items#3");
		assertThat(violations.get(0).message()).isEqualTo("“收费项目”表格第 2 行的“收费标准”“6”需要写明金额和单位，如“18 元/生·学期”");
	}

	@Test
	void raggedRowsAreReportedWithTheirRowNumbersAndCapped() {
		PostingContent admission = KindExamples.admission(3);
		List<List<String>> rows = new java.util.ArrayList<>(admission.tables().get(0).rows());
		for (int i = 0; i < 30; i++) {
			rows.add(List.of("张三", "20269999"));
		}
		ContentTable table = new ContentTable("results", admission.tables().get(0).columns(), rows);

		List<Violation> violations = validate(KindExamples.withTables(admission, List.of(table)));

		assertThat(violations).hasSize(ContentValidator.MAX_ROW_ERRORS + 1);
		assertThat(violations.get(0).message()).isEqualTo("“结果名单”表格第 4 行有 2 个单元格，表头有 4 列，请补齐或删去多余内容");
		assertThat(violations.get(ContentValidator.MAX_ROW_ERRORS).message()).contains("另有 10 行");
	}

	@ParameterizedTest
	@ValueSource(strings = { "成绩", "语文成绩", "总分", "名次", "年级排名", "Score", "Rank" })
	void pupilsScoresAndRankingsAreRefused(String column) {
		PostingContent admission = KindExamples.admission(2);
		ContentTable original = admission.tables().get(0);
		List<String> columns = new java.util.ArrayList<>(original.columns());
		columns.add(column);
		List<List<String>> rows = original.rows().stream().map((row) -> {
			List<String> extended = new java.util.ArrayList<>(row);
			extended.add("98");
			return extended;
		}).toList();

		List<Violation> violations = validate(
				KindExamples.withTables(admission, List.of(new ContentTable("results", columns, rows))));

		assertThat(violations).singleElement().satisfies((violation) -> {
			assertThat(violation.code()).isEqualTo("table.score");
			assertThat(violation.message()).startsWith("不得公布学生的成绩或排名").contains("“" + column + "”");
		});
	}

	@Test
	void awardListsMayNotRankPupilsEither() {
		ContentTable ranked = new ContentTable("winners", List.of("姓名", "名次"), List.of(List.of("张三", "1")));

		assertThat(codes(KindExamples.withTables(KindExamples.award(), List.of(ranked))))
			.containsExactly("table.score");
	}

	@Test
	void adultRecruitmentMayPublishExamScores() {
		ContentTable scored = new ContentTable("results", List.of("姓名", "拟聘岗位", "笔试成绩"),
				List.of(List.of("林晓华", "小学语文", "86.5")));

		assertThat(validate(KindExamples.withTables(KindExamples.recruitment(), List.of(scored)))).isEmpty();
	}

	@Test
	void periodMustEndAfterItStarts() {
		assertThat(codes(KindExamples.withPeriod(KindExamples.general(), KindExamples.END, KindExamples.START)))
			.containsExactly("period.order");
	}

	@Test
	void recruitmentIsPublicForAtLeastSevenDays() {
		Instant start = Instant.parse("2026-09-07T00:00:00Z");

		assertThat(validate(
				KindExamples.withPeriod(KindExamples.recruitment(), start, start.plus(java.time.Duration.ofDays(6)))))
			.extracting(Violation::message)
			.containsExactly("招聘结果的公示期至少为 7 天，当前只有 6 天，请推迟结束时间");
		assertThat(validate(
				KindExamples.withPeriod(KindExamples.recruitment(), start, start.plus(java.time.Duration.ofDays(7)))))
			.isEmpty();
	}

	@Test
	void admissionIsPublicForAtLeastTenWorkingDays() {
		// Monday 7 September, 08:00 Shanghai. Ten weekdays run to Friday the 18th.
		Instant start = Instant.parse("2026-09-07T00:00:00Z");
		Instant endOfFriday18 = Instant.parse("2026-09-18T16:00:00Z");
		Instant endOfThursday17 = Instant.parse("2026-09-17T16:00:00Z");

		assertThat(validate(KindExamples.withPeriod(KindExamples.admission(2), start, endOfFriday18))).isEmpty();
		assertThat(validate(KindExamples.withPeriod(KindExamples.admission(2), start, endOfThursday17)))
			.extracting(Violation::message)
			.containsExactly("招生录取的公示期至少为 10 个工作日，当前只有 9 个工作日，请推迟结束时间");
	}

	@Test
	void standingNoticesHaveNoMinimumPeriod(@TempDir Path dir) throws IOException {
		Path file = dir.resolve("kinds.json");
		Files.writeString(file, """
				{ "kinds": [
				    { "id": "general", "template": "posting/general",
				      "minimumPublicity": { "amount": 5, "unit": "DAYS" } },
				    { "id": "notice-board", "template": "posting/general", "standingNotice": true,
				      "minimumPublicity": { "amount": 5, "unit": "DAYS" } } ] }
				""");
		ContentValidator own = new ContentValidator(KindCatalog.load(file));
		Instant start = KindExamples.START;
		PostingContent general = KindExamples.withPeriod(KindExamples.general(), start, start.plusSeconds(3600));
		PostingContent standing = new PostingContent(PostingContent.SCHEMA, "p-1", "notice-board", "t", null, start,
				start.plusSeconds(3600), null, "Asia/Shanghai");

		assertThat(own.validate(general, ZH)).extracting(Violation::code).containsExactly("period.short");
		assertThat(own.validate(standing, ZH)).isEmpty();
	}

	@Test
	void workingDaysAreWeekdays() {
		java.time.LocalDate monday = java.time.LocalDate.of(2026, 9, 7);

		assertThat(WorkingDays.MONDAY_TO_FRIDAY.count(monday, monday.plusDays(6))).isEqualTo(5);
		assertThat(WorkingDays.MONDAY_TO_FRIDAY.count(monday.plusDays(5), monday.plusDays(6))).isZero();
		assertThat(WorkingDays.MONDAY_TO_FRIDAY.count(monday, monday.plusDays(13))).isEqualTo(10);
	}

}
