package io.sunboard.server.compliance;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A district inspector reads the compliance flags in the console's language: every reason
 * a flag can carry has its explanation in each bundle, and the arguments land in it.
 */
class ComplianceFlagMessagesTests {

	private final ResourceBundleMessageSource messages = messages();

	@ParameterizedTest
	@ValueSource(strings = { "zh-CN", "zh-TW", "en" })
	void everyReasonIsExplainedInEachLanguage(String tag) {
		Locale locale = Locale.forLanguageTag(tag);
		List<String> args = List.of("《收费公示》", "2026-09-01", "2026-10-30", "25", "20");
		for (String reason : ComplianceReport.Flag.REASONS) {
			String text = this.messages.getMessage("compliance.flagDetail." + reason, args.toArray(), locale);
			assertThat(text).as(reason + " in " + tag).isNotBlank().doesNotContain("{0}").doesNotContain("{4}");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "zh-CN", "zh-TW" })
	void chineseExplanationsAreNotEnglish(String tag) {
		String text = this.messages.getMessage("compliance.flagDetail.lateProactive",
				new Object[] { "学费公示", "2026-09-01", "2026-10-30", "25", "20" }, Locale.forLanguageTag(tag));
		assertThat(text).contains("学费公示").contains("25").doesNotContain("working days");
	}

	@ParameterizedTest
	@ValueSource(strings = { "lateProactive" })
	void englishKeepsTheQuotedTitle(String reason) {
		String text = this.messages.getMessage("compliance.flagDetail." + reason,
				new Object[] { "Fees", "2026-09-01", "2026-10-30", "25", "20" }, Locale.ENGLISH);
		assertThat(text).isEqualTo("'Fees': information formed on 2026-09-01, published on 2026-10-30, 25 working"
				+ " days later (limit 20)");
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasename("messages");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

}
