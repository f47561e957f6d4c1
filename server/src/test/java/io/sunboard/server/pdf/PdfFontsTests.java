package io.sunboard.server.pdf;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Uses the fonts bin/test installs: fonts-noto-cjk, fonts-dejavu-core and
 * fonts-droid-fallback.
 */
class PdfFontsTests {

	@Test
	void defaultsAreDroidSansFallbackForChineseAndDejaVuForLatin() {
		assertThat(PdfFonts.problem(PdfFontSettings.DEFAULT_CJK.get(0), '公')).isNull();
		PdfFonts.Fonts fonts = new PdfFonts(new PdfFontSettings(null, null), new MockEnvironment()).fonts();
		assertThat(fonts.cjk()).isEqualTo(PdfFontSettings.DEFAULT_CJK.get(0));
		assertThat(fonts.latin()).contains(PdfFontSettings.DEFAULT_LATIN.get(0));
	}

	@Test
	void notoCjkCollectionsAndMissingFilesAreRefusedWithTheReason() {
		assertThat(PdfFonts.problem(Path.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"), '公'))
			.contains("font collection");
		assertThat(PdfFonts.problem(Path.of("/nowhere/font.ttf"), '公')).isEqualTo("does not exist");
		assertThat(PdfFonts.problem(PdfFontSettings.DEFAULT_LATIN.get(0), '公')).isEqualTo("has no glyph for '公'");
	}

	@Test
	void theFirstUsableCandidateWins() {
		PdfFontSettings settings = new PdfFontSettings(
				List.of(Path.of("/nowhere/simsun.ttf"), PdfFontSettings.DEFAULT_CJK.get(0)), List.of());
		assertThat(new PdfFonts(settings, new MockEnvironment()).fonts().cjk())
			.isEqualTo(PdfFontSettings.DEFAULT_CJK.get(0));
	}

	@Test
	void noUsableChineseFontSaysWhatToInstall() {
		PdfFontSettings settings = new PdfFontSettings(
				List.of(Path.of("/nowhere/simsun.ttf"), PdfFontSettings.DEFAULT_LATIN.get(0)), null);
		PdfFonts fonts = new PdfFonts(settings, new MockEnvironment());
		assertThatThrownBy(fonts::fonts).isInstanceOf(PdfFontUnavailable.class)
			.hasMessageContaining("install the Debian package fonts-droid-fallback")
			.hasMessageContaining("sunboard.pdf.fonts.cjk")
			.hasMessageContaining("/nowhere/simsun.ttf does not exist")
			.hasMessageContaining("DejaVuSans.ttf has no glyph for '公'");
	}

}
