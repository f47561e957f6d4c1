package io.sunboard.templates;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Masking with generated inputs: ID numbers (15 and 18 characters, trailing X), mobile
 * numbers in running text, Chinese, Latin and mixed names.
 */
class MaskingTests {

	@Property
	void idNumbersKeepFirstSixAndLastFourAndNeverAppearWhole(@ForAll("idNumbers") String id,
			@ForAll("surroundings") String before, @ForAll("surroundings") String after) {
		String masked = Masking.text(before + id + after);

		assertThat(masked).doesNotContain(id)
			.hasSize(before.length() + id.length() + after.length())
			.startsWith(before)
			.endsWith(after)
			.contains(id.substring(0, 6) + "*".repeat(id.length() - 10) + id.substring(id.length() - 4));
	}

	@Property
	void mobileNumbersKeepFirstThreeAndLastFour(@ForAll("mobiles") String mobile, @ForAll("surroundings") String before,
			@ForAll("surroundings") String after) {
		String masked = Masking.text(before + mobile + after);

		assertThat(masked).doesNotContain(mobile)
			.isEqualTo(before + mobile.substring(0, 3) + "****" + mobile.substring(7) + after);
	}

	@Property
	void phoneColumnsHideTheMiddleOfEveryNumber(@ForAll("landlines") String phone) {
		String masked = Masking.phone(phone);

		String digits = phone.replaceAll("\\D", "");
		assertThat(masked.replaceAll("\\D", "")).doesNotContain(digits);
		assertThat(masked).hasSameSizeAs(phone).endsWith(phone.substring(phone.length() - 4));
	}

	@Property
	void namesKeepTheirLengthAndShowAtMostFirstAndLastLetter(@ForAll("names") String name) {
		String masked = Masking.name(name);

		int letters = (int) name.codePoints().filter((c) -> c != ' ' && c != '·').count();
		assertThat(masked.codePointCount(0, masked.length())).isEqualTo(name.codePointCount(0, name.length()));
		assertThat(masked).isNotEqualTo(name);
		assertThat(masked.codePoints().filter((c) -> c == '*').count())
			.isEqualTo(letters - ((letters >= 3) ? 2 : (letters == 2) ? 1 : 0));
		assertThat(masked.codePointAt(0)).isEqualTo((letters > 1) ? name.codePointAt(0) : '*');
		if (letters >= 3) {
			assertThat(masked.codePointBefore(masked.length())).isEqualTo(name.codePointBefore(name.length()));
		}
	}

	@Example
	void chineseNamesFollowTheUsualConvention() {
		assertThat(Masking.name("张三明")).isEqualTo("张*明");
		assertThat(Masking.name("张三")).isEqualTo("张*");
		assertThat(Masking.name("欧阳娜娜")).isEqualTo("欧**娜");
		assertThat(Masking.name("买买提·艾力")).isEqualTo("买**·*力");
		assertThat(Masking.name("John Smith")).isEqualTo("J*** ****h");
		assertThat(Masking.name("李Anna")).isEqualTo("李***a");
		assertThat(Masking.name("张")).isEqualTo("*");
	}

	@Example
	void examplesFromTheRules() {
		assertThat(Masking.text("身份证 350502201403071234")).isEqualTo("身份证 350502********1234");
		assertThat(Masking.text("身份证35050220140307123X。")).isEqualTo("身份证350502********123X。");
		assertThat(Masking.text("旧证 350502140307123")).isEqualTo("旧证 350502*****7123");
		assertThat(Masking.text("电话13812345678")).isEqualTo("电话138****5678");
		assertThat(Masking.text("电话 +86 138-1234-5678")).isEqualTo("电话 +86 138-****-5678");
	}

	@Example
	void documentNumbersYearsAndLandlinesInTextStay() {
		String text = "依据泉发改价格〔2024〕12号，投诉电话 0595-22345678，2026年9月1日起执行。";

		assertThat(Masking.text(text)).isEqualTo(text);
	}

	@Example
	void addressesKeepTheAreaOnly() {
		assertThat(Masking.address("泉州市丰泽区东海街道学府路1号3栋502")).isEqualTo("泉州市丰泽区****");
		assertThat(Masking.address("丰泽区学府路1号")).isEqualTo("丰泽区****");
		assertThat(Masking.address("12 Garden Road, Kowloon")).isEqualTo("12 Gard****");
		assertThat(Masking.address("学府路1号")).doesNotContain("1号").endsWith("****");
	}

	@Provide
	Arbitrary<String> idNumbers() {
		Arbitrary<String> region = Arbitraries.strings().numeric().ofLength(6);
		Arbitrary<String> eighteen = Combinators
			.combine(region, Arbitraries.strings().numeric().ofLength(11),
					Arbitraries.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "X", "x"))
			.as((a, b, c) -> a + b + c);
		Arbitrary<String> fifteen = Combinators.combine(region, Arbitraries.strings().numeric().ofLength(9))
			.as((a, b) -> a + b);
		return Arbitraries.oneOf(eighteen, fifteen);
	}

	@Provide
	Arbitrary<String> mobiles() {
		return Combinators
			.combine(Arbitraries.of("13", "14", "15", "16", "17", "18", "19"),
					Arbitraries.strings().numeric().ofLength(9))
			.as((a, b) -> a + b);
	}

	@Provide
	Arbitrary<String> landlines() {
		return Combinators
			.combine(Arbitraries.of("0595-", "010-", "(021) ", ""), Arbitraries.strings().numeric().ofLength(8))
			.as((a, b) -> a + b);
	}

	/** Text that never joins a number: CJK, Latin letters, punctuation, spaces. */
	@Provide
	Arbitrary<String> surroundings() {
		return Arbitraries.strings()
			.withCharRange('一', '龥')
			.withCharRange('a', 'z')
			.withChars(' ', '，', '：', '（', '）', 'X')
			.ofMaxLength(12)
			.filter((s) -> !s.startsWith("X") && !s.startsWith("x"));
	}

	@Provide
	Arbitrary<String> names() {
		Arbitrary<String> chinese = Arbitraries.strings().withCharRange('一', '龥').ofMinLength(1).ofMaxLength(5);
		Arbitrary<String> latin = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8);
		Arbitrary<String> latinFull = Combinators.combine(latin, latin).as((a, b) -> a + " " + b);
		Arbitrary<String> mixed = Combinators.combine(chinese, latin).as((a, b) -> a + b);
		Arbitrary<String> mixedSpaced = Combinators.combine(latin, chinese).as((a, b) -> a + " " + b);
		Arbitrary<String> dotted = Combinators.combine(chinese, chinese).as((a, b) -> a + "·" + b);
		return Arbitraries.oneOf(chinese, latin, latinFull, mixed, mixedSpaced, dotted);
	}

}
