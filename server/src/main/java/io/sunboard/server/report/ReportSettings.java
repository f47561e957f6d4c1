package io.sunboard.server.report;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param timeZone the zone in which report dates ({@code from=2026-11-01}) and the times
 * in CSV and PDF exports are read and written
 * @param pdfFonts TrueType fonts for PDF exports, in fallback order: a Latin one, then
 * one with CJK glyphs. Noto CJK (fonts-noto-cjk) cannot be used: its glyphs are CFF
 * outlines, which PDFBox cannot embed; Droid Sans Fallback (fonts-droid-fallback) can.
 */
@ConfigurationProperties("sunboard.reports")
public record ReportSettings(@DefaultValue("Asia/Shanghai") ZoneId timeZone, @DefaultValue( {
		"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
		"/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf" }) List<Path> pdfFonts){

}
