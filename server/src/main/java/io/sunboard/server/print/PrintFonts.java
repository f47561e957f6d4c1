package io.sunboard.server.print;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.springframework.stereotype.Component;

/**
 * Finds the fonts the print embeds. PDFBox (under openhtmltopdf) embeds TrueType outlines
 * only: Debian's Noto Sans CJK ({@code fonts-noto-cjk}) is an OpenType collection with
 * PostScript (CFF) outlines, which it cannot subset or embed. So the print uses a CJK
 * font with TrueType outlines: Droid Sans Fallback ({@code fonts-droid-fallback},
 * installed by {@code bin/test}), AR PL SungtiL GB, or the single .ttf the administrator
 * names. Font collections (.ttc) are not taken: PDFBox cannot embed a whole one.
 */
@Component
class PrintFonts {

	static final List<Path> CJK_CANDIDATES = List.of(
			Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"),
			Path.of("/usr/share/fonts-droid-fallback/truetype/DroidSansFallback.ttf"),
			Path.of("/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf"));

	static final List<Path> LATIN_CANDIDATES = List.of(Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
			Path.of("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"));

	private final PrintSettings settings;

	private final AtomicReference<Fonts> found = new AtomicReference<>();

	PrintFonts(PrintSettings settings) {
		this.settings = settings;
	}

	/** The fonts to embed; found once, then kept. */
	Fonts fonts() {
		Fonts fonts = this.found.get();
		if (fonts == null) {
			fonts = new Fonts(cjk(), latin());
			this.found.set(fonts);
		}
		return fonts;
	}

	private Path cjk() {
		if (this.settings.cjkFont() != null) {
			String problem = problem(this.settings.cjkFont(), '公');
			if (problem != null) {
				throw new PrintUnavailable("sunboard.print.cjk-font " + this.settings.cjkFont() + " " + problem);
			}
			return this.settings.cjkFont();
		}
		return CJK_CANDIDATES.stream()
			.filter(Files::isRegularFile)
			.filter((path) -> problem(path, '公') == null)
			.findFirst()
			.orElseThrow(() -> new PrintUnavailable("no Chinese font for the PDF print: install Debian's"
					+ " fonts-droid-fallback, or set sunboard.print.cjk-font to a TrueType"
					+ " font with Chinese glyphs; Noto Sans CJK cannot be embedded (its outlines are CFF)"));
	}

	private Optional<Path> latin() {
		if (this.settings.latinFont() != null) {
			String problem = problem(this.settings.latinFont(), 'A');
			if (problem != null) {
				throw new PrintUnavailable("sunboard.print.latin-font " + this.settings.latinFont() + " " + problem);
			}
			return Optional.of(this.settings.latinFont());
		}
		return LATIN_CANDIDATES.stream()
			.filter(Files::isRegularFile)
			.filter((path) -> problem(path, 'A') == null)
			.findFirst();
	}

	/** Why the file cannot serve, or null when it can. */
	static String problem(Path file, char sample) {
		if (!Files.isRegularFile(file)) {
			return "does not exist";
		}
		if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".ttc")) {
			return "is a font collection (.ttc); name a single .ttf font";
		}
		try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBufferedFile(file.toFile()))) {
			if ((font instanceof OpenTypeFont otf && otf.isPostScript()) || !font.getTableMap().containsKey("glyf")) {
				return "has PostScript (CFF) outlines, which PDFBox cannot embed; use a TrueType-outline font";
			}
			if (font.getUnicodeCmapLookup().getGlyphId(sample) == 0) {
				return "has no glyph for '" + sample + "'";
			}
			return null;
		}
		catch (IOException ex) {
			return "cannot be read as a TrueType font: " + ex.getMessage();
		}
	}

	/** The CJK font, and a Latin one when installed. */
	record Fonts(Path cjk, Optional<Path> latin) {

	}

}
