package io.sunboard.server.pdf;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Candidate font files for PDFs, first usable one wins; the defaults when not set. PDFBox
 * (under openhtmltopdf) embeds TrueType outlines only: Debian's Noto Sans CJK
 * ({@code fonts-noto-cjk}) has PostScript (CFF) outlines in a collection and cannot be
 * embedded, so the CJK default is Droid Sans Fallback ({@code fonts-droid-fallback}).
 *
 * @param cjk TrueType (.ttf) fonts with Chinese glyphs; one is required
 * @param latin TrueType fonts for Latin letters and digits; optional (without one, the
 * CJK font draws them)
 */
@ConfigurationProperties("sunboard.pdf.fonts")
public record PdfFontSettings(List<Path> cjk, List<Path> latin) {

	static final List<Path> DEFAULT_CJK = List.of(Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"),
			Path.of("/usr/share/fonts-droid-fallback/truetype/DroidSansFallback.ttf"),
			Path.of("/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf"));

	static final List<Path> DEFAULT_LATIN = List.of(Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
			Path.of("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"));

	public PdfFontSettings {
		cjk = (cjk == null || cjk.isEmpty()) ? DEFAULT_CJK : List.copyOf(cjk);
		latin = (latin == null || latin.isEmpty()) ? DEFAULT_LATIN : List.copyOf(latin);
	}

}
