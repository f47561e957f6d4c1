package io.sunboard.server.annualreport;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the PDF's CJK font comes from.
 *
 * @param fontFiles candidates, first readable one wins; the defaults when not set.
 * Debian's fonts-noto-cjk ships OpenType/CFF collections, which PDFBox can neither subset
 * nor embed whole, so the defaults are TrueType-outline fonts: fonts-droid-fallback, then
 * WenQuanYi Zen Hei and AR PL UMing.
 */
@ConfigurationProperties("sunboard.annual-report")
public record ReportFontSettings(List<Path> fontFiles) {

	static final List<Path> DEFAULT_FONT_FILES = List.of(
			Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"),
			Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
			Path.of("/usr/share/fonts/truetype/arphic/uming.ttc"));

	public ReportFontSettings {
		fontFiles = (fontFiles == null || fontFiles.isEmpty()) ? DEFAULT_FONT_FILES : List.copyOf(fontFiles);
	}

}
