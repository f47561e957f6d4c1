package io.sunboard.templates;

import java.time.Instant;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import io.sunboard.protocol.PostingContent;

import static org.assertj.core.api.Assertions.assertThat;

class PostingRendererTests {

	private static final PostingRenderer renderer = new PostingRenderer();

	private static PostingContent content(String kind, String title, String body) {
		return new PostingContent(PostingContent.SCHEMA, "p-1", kind, title, body,
				Instant.parse("2026-09-01T00:00:00Z"), Instant.parse("2026-09-10T09:30:00Z"), "第一实验小学",
				"Asia/Shanghai");
	}

	@Test
	void postingIsAnArticleFragmentWithTitleSchoolAndPeriodInTheSchoolsZone() {
		String html = renderer.renderPosting(content("general", "2026年秋季学期收费公示", "第一段"), ScreenProfile.LANDSCAPE,
				Locale.SIMPLIFIED_CHINESE);

		assertThat(html).startsWith("<article class=\"posting posting-general profile-landscape\"")
			.endsWith("</article>")
			.doesNotContain("<html", "<body", "??")
			.contains("lang=\"zh-CN\"", "data-kind=\"general\"", "2026年秋季学期收费公示", "第一实验小学")
			.contains("公示期 2026-09-01 08:00 – 2026-09-10 17:30");
	}

	@Test
	void bodyBecomesEscapedParagraphsSplitOnBlankLinesWithLineBreaksKept() {
		String html = renderer.renderPosting(content("general", "标题", "第一段\n第二行\r\n\r\n  \n第二段"),
				ScreenProfile.PORTRAIT, Locale.SIMPLIFIED_CHINESE);

		assertThat(html).contains("<p><span>第一段</span><br><span>第二行</span></p>")
			.contains("<p><span>第二段</span></p>")
			.contains("profile-portrait");
	}

	@Test
	void scriptInTitleOrBodyRendersAsTextNeverAsMarkup() {
		String attack = "<script>alert(1)</script>";
		String html = renderer.renderPosting(
				content("<b onload=x>", attack, attack + "\n\n<img src=x onerror=alert(2)>"), ScreenProfile.KIOSK,
				Locale.SIMPLIFIED_CHINESE);

		assertThat(html).doesNotContain("<script", "<img", "<b ")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
			.contains("&lt;img src=x onerror=alert(2)&gt;")
			.contains("posting--b-onload-x-")
			.contains("data-kind=\"&lt;b onload=x&gt;\"");
	}

	@Test
	void unknownKindFallsBackToTheGeneralTemplate() {
		String html = renderer.renderPosting(content("school-trip", "春游通知", "正文"), ScreenProfile.LANDSCAPE,
				Locale.SIMPLIFIED_CHINESE);

		assertThat(html).contains("posting-school-trip", "春游通知", "<span>正文</span>", "公示期");
	}

	@Test
	void periodLabelFollowsTheLocale() {
		PostingContent content = content("general", "Notice", null);

		assertThat(renderer.renderPosting(content, ScreenProfile.LANDSCAPE, Locale.ENGLISH))
			.contains("Publicity period 2026-09-01 08:00 – 2026-09-10 17:30")
			.contains("lang=\"en\"");
		assertThat(renderer.renderPosting(content, ScreenProfile.LANDSCAPE, Locale.TRADITIONAL_CHINESE))
			.contains("公示期 2026-09-01 08:00");
	}

	@Test
	void unknownLocaleUsesTheSimplifiedChineseDefaultNotTheJvmLocale() {
		Locale before = Locale.getDefault();
		Locale.setDefault(Locale.ENGLISH);
		try {
			assertThat(renderer.renderIdle("一中", ScreenProfile.LANDSCAPE, Locale.FRENCH)).contains("当前暂无公示内容");
		}
		finally {
			Locale.setDefault(before);
		}
	}

	@Test
	void unknownTimeZoneFallsBackToChinaStandardTime() {
		PostingContent content = new PostingContent(PostingContent.SCHEMA, "p-1", "general", "标题", null,
				Instant.parse("2026-09-01T00:00:00Z"), Instant.parse("2026-09-02T00:00:00Z"), null, "Mars/Olympus");

		assertThat(renderer.renderPosting(content, ScreenProfile.LANDSCAPE, Locale.SIMPLIFIED_CHINESE))
			.contains("公示期 2026-09-01 08:00 – 2026-09-02 08:00")
			.doesNotContain("posting-school");
	}

	@Test
	void idlePageShowsTheSchoolNameAndACalmMessage() {
		String html = renderer.renderIdle("第一实验小学", ScreenProfile.PORTRAIT, Locale.SIMPLIFIED_CHINESE);

		assertThat(html).startsWith("<article class=\"idle profile-portrait\"").contains("第一实验小学", "当前暂无公示内容");
	}

	@Test
	void idlePageIsNeverBlankWithoutASchoolName() {
		assertThat(renderer.renderIdle(null, ScreenProfile.LANDSCAPE, Locale.SIMPLIFIED_CHINESE)).contains("校务公开",
				"当前暂无公示内容");
		assertThat(renderer.renderIdle("  ", ScreenProfile.LANDSCAPE, Locale.ENGLISH)).contains("School disclosure");
	}

	@Test
	void stylesheetHasTheCjkFontChainAndEveryProfile() {
		assertThat(renderer.stylesheet()).contains(
				"\"Noto Sans CJK SC\", \"Source Han Sans SC\", \"WenQuanYi Micro Hei\", \"Microsoft YaHei\", sans-serif")
			.contains(".profile-landscape", ".profile-portrait", ".profile-kiosk");
	}

	@Test
	void profilesKnowTheirSize() {
		assertThat(ScreenProfile.PORTRAIT.width()).isEqualTo(1080);
		assertThat(ScreenProfile.PORTRAIT.height()).isEqualTo(1920);
		assertThat(ScreenProfile.KIOSK.cssClass()).isEqualTo("profile-kiosk");
	}

	@Test
	void alertTakesTheScreenWithEscapedTextInEachLanguage() {
		String html = renderer.renderAlert("因暴雨红色预警，今日停课。\n<b>请家长注意安全</b>", "丰泽区实验小学", ScreenProfile.LANDSCAPE,
				Locale.SIMPLIFIED_CHINESE);

		assertThat(html).contains("class=\"alert")
			.contains("紧急通知")
			.contains("因暴雨红色预警，今日停课。")
			.contains("&lt;b&gt;请家长注意安全&lt;/b&gt;")
			.contains("丰泽区实验小学");
		assertThat(renderer.renderAlert("Storm", null, ScreenProfile.KIOSK, Locale.ENGLISH))
			.contains("Emergency notice");
		assertThat(renderer.renderAlert("暴雨", null, ScreenProfile.PORTRAIT, Locale.TRADITIONAL_CHINESE))
			.contains("緊急通知");
	}

}
