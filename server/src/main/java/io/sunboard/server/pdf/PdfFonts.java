package io.sunboard.server.pdf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Finds the fonts every PDF embeds and registers them with openhtmltopdf under two
 * families; stylesheets name {@link #CSS_FAMILIES}, so Latin letters and digits come from
 * the Latin font and Chinese from the CJK one. Found once, then kept; while none is
 * found, each PDF asks again, so installing the package helps without a restart.
 */
@Component
public class PdfFonts {

	public static final String CJK_FAMILY = "sunboard-cjk";

	public static final String LATIN_FAMILY = "sunboard-latin";

	/** The value for a CSS {@code font-family}. */
	public static final String CSS_FAMILIES = "\"" + LATIN_FAMILY + "\", \"" + CJK_FAMILY + "\"";

	private static final Logger log = LoggerFactory.getLogger(PdfFonts.class);

	/** Settings of earlier versions, replaced by {@code sunboard.pdf.fonts.*}. */
	private static final List<String> OLD_PROPERTIES = List.of("sunboard.print.cjk-font", "sunboard.print.latin-font",
			"sunboard.annual-report.font-files", "sunboard.reports.pdf-fonts");

	private final PdfFontSettings settings;

	private final AtomicReference<Fonts> found = new AtomicReference<>();

	public PdfFonts(PdfFontSettings settings, Environment environment) {
		this.settings = settings;
		for (String old : OLD_PROPERTIES) {
			if (environment.containsProperty(old)) {
				log.warn("{} is no longer read: list PDF fonts in sunboard.pdf.fonts.cjk and sunboard.pdf.fonts.latin",
						old);
			}
		}
	}

	/** The fonts to embed; says what to install when there is no CJK font. */
	public Fonts fonts() {
		Fonts fonts = this.found.get();
		if (fonts == null) {
			fonts = new Fonts(cjk(), first(this.settings.latin(), 'A', new ArrayList<>()));
			this.found.set(fonts);
		}
		return fonts;
	}

	/** Registers the fonts with a PDF about to be laid out. */
	public void register(PdfRendererBuilder builder) {
		Fonts fonts = fonts();
		fonts.latin().ifPresent((latin) -> builder.useFont(latin.toFile(), LATIN_FAMILY));
		builder.useFont(fonts.cjk().toFile(), CJK_FAMILY);
	}

	private Path cjk() {
		List<String> refused = new ArrayList<>();
		return first(this.settings.cjk(), '公', refused)
			.orElseThrow(() -> new PdfFontUnavailable("no Chinese font for PDFs: install the Debian package"
					+ " fonts-droid-fallback, or list a TrueType (.ttf) font with Chinese glyphs in"
					+ " sunboard.pdf.fonts.cjk; fonts-noto-cjk cannot serve (PDFBox cannot embed its CFF outlines)."
					+ " Looked at: " + String.join("; ", refused)));
	}

	private static Optional<Path> first(List<Path> candidates, char sample, List<String> refused) {
		for (Path candidate : candidates) {
			String problem = problem(candidate, sample);
			if (problem == null) {
				return Optional.of(candidate);
			}
			refused.add(candidate + " " + problem);
		}
		return Optional.empty();
	}

	/** Why the file cannot serve, or null when it can. */
	static String problem(Path file, char sample) {
		if (!Files.isRegularFile(file)) {
			return "does not exist";
		}
		if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ttc")) {
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
	public record Fonts(Path cjk, Optional<Path> latin) {

	}

}
