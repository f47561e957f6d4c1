package io.sunboard.templates;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.sunboard.protocol.ContentTable;
import io.sunboard.protocol.PostingContent;

import static org.assertj.core.api.Assertions.assertThat;

/** The structured templates with the privacy gate in front of them. */
class StructuredRenderingTests {

	private static final PostingRenderer renderer = new PostingRenderer();

	private static final String PUBLIC = "https://gk.example.edu.cn/public/postings/{postingId}";

	private static String render(PostingContent content, ScreenProfile profile) {
		return renderer.renderPosting(content, new RenderContext(profile, Locale.SIMPLIFIED_CHINESE, PUBLIC));
	}

	@Test
	void feeNoticeShowsItsFieldsItemsChannelPeriodStandingLabelAndQrCode() {
		String html = render(KindExamples.feeNotice(), ScreenProfile.LANDSCAPE);

		assertThat(html).contains("posting-fee-notice", "收费公示", "审批机关", "泉州市发展和改革委员会", "批准文号", "泉发改价格〔2024〕12号")
			.contains("减免政策", "<th scope=\"col\">收费标准</th>", "<td>18 元/生·学期</td>")
			.contains("投诉举报", "投诉电话", "0595-22345678", "举报电话", "12345")
			.contains("公示期 2026-09-07 08:00 – 2026-10-05 08:00", "常年公示（长期有效）")
			.contains("<img src=\"data:image/svg+xml;base64,", "alt=\"扫码在手机上查看本公示\"");
	}

	@Test
	void qrCodeLeadsToThePostingsPublicPage() {
		String html = render(KindExamples.general(), ScreenProfile.KIOSK);

		Matcher matcher = Pattern.compile("data:image/svg\\+xml;base64,([A-Za-z0-9+/=]+)").matcher(html);
		assertThat(matcher.find()).isTrue();
		String svg = new String(java.util.Base64.getDecoder().decode(matcher.group(1)),
				java.nio.charset.StandardCharsets.UTF_8);
		assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").contains("<path");
		assertThat(QrCode.dataUri("https://gk.example.edu.cn/public/postings/p-general"))
			.isEqualTo("data:image/svg+xml;base64," + matcher.group(1));
	}

	@Test
	void noPublicSiteMeansNoQrCode() {
		assertThat(renderer.renderPosting(KindExamples.general(), ScreenProfile.LANDSCAPE, Locale.SIMPLIFIED_CHINESE))
			.doesNotContain("<img", "posting-qr");
	}

	@Test
	void admissionResultsMaskNamesButShowTheAppealChannelInFull() {
		String html = render(KindExamples.admission(10), ScreenProfile.PORTRAIT);

		assertThat(html).contains("<td>张*明</td>", "<td>李*</td>", "<td>欧**娜</td>", "<td>王****a</td>", "<td>陈 **m</td>")
			.doesNotContain("张三明", "欧阳娜娜")
			.contains("申诉渠道", "0595-22345600", "zsb@fzsy.example.edu.cn", "学府路 1 号");
	}

	@Test
	void idAndMobileNumbersAreMaskedInEveryTextButTheOfficialChannel() {
		PostingContent content = KindExamples.withTables(
				KindExamples.withField(KindExamples.award(), "criteria", "联系人手机 " + KindExamples.MOBILE),
				List.of(new ContentTable("winners", List.of("姓名", "身份证号", "家庭住址", "联系电话"),
						List.of(List.of("张三明", KindExamples.ID_NUMBER, "泉州市丰泽区学府路1号", "0595-22112233")))));
		content = KindExamples.withField(content, "objectionPhone", "13900001111");

		String html = render(content, ScreenProfile.LANDSCAPE);

		assertThat(html).doesNotContain(KindExamples.ID_NUMBER, KindExamples.MOBILE, "学府路1号", "22112233")
			.contains("350502********1234", "138****5678", "泉州市丰泽区****", "059*-****2233")
			.contains("13900001111");
	}

	@Test
	void longTablesArePagedForTheScreenWithOnlyTheFirstPageShowing() {
		String landscape = render(KindExamples.admission(200), ScreenProfile.LANDSCAPE);
		String portrait = render(KindExamples.admission(200), ScreenProfile.PORTRAIT);

		assertThat(count(landscape, "class=\"table-page\"")).isEqualTo(34);
		assertThat(count(landscape, "hidden=\"hidden\"")).isEqualTo(33);
		assertThat(count(portrait, "class=\"table-page\"")).isEqualTo(17);
		assertThat(landscape).contains("data-page-seconds=\"8\"", "第 1 / 34 页", "第 34 / 34 页", "共 200 条");
	}

	@Test
	void shortTablesHaveOnePageAndNoPageNumber() {
		String html = render(KindExamples.award(), ScreenProfile.LANDSCAPE);

		assertThat(count(html, "class=\"table-page\"")).isEqualTo(1);
		assertThat(html).doesNotContain("table-page-number", " hidden");
	}

	@Test
	void markupInFieldsAndCellsIsShownAsText() {
		String attack = "<script>alert(1)</script><img src=x onerror=alert(2)>";
		PostingContent content = KindExamples.withTables(
				KindExamples.withField(KindExamples.feeNotice(), "basisAuthority", attack),
				List.of(new ContentTable("items", List.of("收费项目", "收费标准", "计费单位", "收费范围" + attack),
						List.of(List.of(attack, "18 元/学期", "每生", "全体")))));
		content = KindExamples.withField(content, "complaintPhone", "12345 " + attack);

		String html = render(content, ScreenProfile.KIOSK);

		assertThat(html).doesNotContain("<script", "<img src=x").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
	}

	@Test
	void emergencyAlertIsLargeTextWithItsLabel() {
		String html = render(KindExamples.emergency(), ScreenProfile.LANDSCAPE);

		assertThat(html).startsWith("<article class=\"posting posting-alarm posting-emergency profile-landscape\"")
			.contains("紧急通知", "暴雨红色预警", "<span>因暴雨红色预警")
			.doesNotContain("<table");
	}

	@Test
	void labelsFollowTheLocale() {
		String html = renderer.renderPosting(KindExamples.feeNotice(),
				new RenderContext(ScreenProfile.LANDSCAPE, Locale.ENGLISH, PUBLIC));

		assertThat(html).contains("Fee notice", "Approving authority", "Complaints and reports", "Standing notice")
			.doesNotContain("??");
	}

	@Test
	void everyKindRendersInEveryProfileWithPeriodAndQrAndNoMissingText() {
		for (PostingContent example : KindExamples.all()) {
			for (ScreenProfile profile : ScreenProfile.values()) {
				for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.TRADITIONAL_CHINESE, Locale.ENGLISH)) {
					String html = renderer.renderPosting(example, new RenderContext(profile, locale, PUBLIC));
					assertThat(html).as("%s %s %s", example.kind(), profile, locale)
						.contains("posting-period", "posting-qr", profile.cssClass())
						.doesNotContain("??");
				}
			}
		}
	}

	@Test
	void kindsWithAChannelAlwaysShowIt() {
		KindCatalog kinds = renderer.kinds();
		for (PostingContent example : KindExamples.all()) {
			boolean hasChannel = kinds.find(example.kind()).orElseThrow().channel() != null;
			assertThat(render(example, ScreenProfile.LANDSCAPE).contains("posting-channel")).as(example.kind())
				.isEqualTo(hasChannel);
		}
	}

	private static int count(String text, String part) {
		int count = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
			count++;
		}
		return count;
	}

}
