package io.sunboard.server.print;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param cjkFont a TrueType font (.ttf, or .ttc) with TrueType outlines and Chinese
 * glyphs; empty: the first of {@link PrintFonts#CJK_CANDIDATES} that exists
 * @param latinFont a TrueType font for Latin letters and digits; empty: DejaVu Sans or
 * Liberation Sans when installed, otherwise the PDF's built-in Helvetica
 */
@ConfigurationProperties("sunboard.print")
record PrintSettings(Path cjkFont, Path latinFont) {

}
