package io.sunboard.server.print;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Uses the fonts bin/test installs: fonts-noto-cjk and fonts-droid-fallback. */
class PrintFontsTests {

	@Test
	void droidSansFallbackHasTrueTypeOutlinesAndChineseGlyphs() {
		assertThat(PrintFonts.problem(PrintFonts.CJK_CANDIDATES.get(0), '公')).isNull();
		assertThat(new PrintFonts(new PrintSettings(null, null)).fonts().cjk())
			.isEqualTo(PrintFonts.CJK_CANDIDATES.get(0));
	}

	@Test
	void notoCjkCollectionsAndMissingFilesAreRefusedWithTheReason() {
		assertThat(PrintFonts.problem(Path.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"), '公'))
			.contains("font collection");
		assertThat(PrintFonts.problem(Path.of("/nowhere/font.ttf"), '公')).isEqualTo("does not exist");
	}

	@Test
	void aConfiguredFontThatCannotServeStopsThePrintWithWhatToDo() {
		PrintFonts fonts = new PrintFonts(new PrintSettings(Path.of("/nowhere/simsun.ttf"), null));
		assertThatThrownBy(fonts::fonts).isInstanceOf(PrintUnavailable.class)
			.hasMessage("sunboard.print.cjk-font /nowhere/simsun.ttf does not exist");
	}

}
