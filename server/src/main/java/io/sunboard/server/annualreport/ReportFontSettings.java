package io.sunboard.server.annualreport;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the PDF's CJK font comes from.
 *
 * @param fontFiles candidates, first readable TrueType-outline font wins. Debian's
 * fonts-noto-cjk ships OpenType/CFF collections, which PDFBox can neither subset nor
 * embed whole, so the defaults are glyf-based fonts: fonts-droid-fallback, then WenQuanYi
 * Zen Hei and AR PL UMing.
 */
@ConfigurationProperties("sunboard.annual-report")
public record ReportFontSettings(@DefaultValue( {
		"/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
		"/usr/share/fonts/truetype/arphic/uming.ttc" }) List<Path> fontFiles){

}
