package io.sunboard.server.annualreport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.sunboard.server.pdf.PdfFonts;
import io.sunboard.server.report.ReportSettings;

/** The report as a PDF, printed from the same lines as the CSV. */
@Component
class AnnualReportPdf {

	private final PdfFonts fonts;

	private final MessageSource messages;

	private final ZoneId zone;

	AnnualReportPdf(PdfFonts fonts, MessageSource messages, ReportSettings settings) {
		this.fonts = fonts;
		this.messages = messages;
		// the reports' zone (sunboard.reports.time-zone), as in every other export
		this.zone = settings.timeZone();
	}

	byte[] write(AnnualReport report, Locale locale) {
		this.fonts.fonts(); // a missing font answers before any work
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			this.fonts.register(builder);
			builder.withHtmlContent(html(report, locale), null);
			builder.toStream(out);
			builder.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("printing the annual report failed", ex);
		}
		return out.toByteArray();
	}

	private String html(AnnualReport report, Locale locale) {
		StringBuilder h = new StringBuilder();
		h.append("<html><head><meta charset=\"UTF-8\"/><style>")
			.append("@page { size: A4; margin: 18mm; } body { font-family: ")
			.append(PdfFonts.CSS_FAMILIES)
			.append("; font-size: 11pt; } h1 { font-size: 16pt; } table { border-collapse: collapse; width: 100%; }")
			.append(" td, th { border-bottom: 1px solid #999; padding: 3pt 6pt; text-align: left; }")
			.append(" td.v { text-align: right; } .muted { color: #555; font-size: 9pt; }")
			.append("</style></head><body>");
		h.append("<h1>").append(escape(msg("annual.title", locale, report.year(), report.scopeName()))).append("</h1>");
		h.append("<p class=\"muted\">")
			.append(escape(msg("annual.generated", locale,
					DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(report.generatedAt().atZone(this.zone)))))
			.append("</p>");
		String section = null;
		for (AnnualReport.Line line : report.lines()) {
			if (!line.section().equals(section)) {
				if (section != null) {
					h.append("</table>");
				}
				section = line.section();
				h.append("<h2>").append(escape(msg("annual.section." + section, locale))).append("</h2><table>");
			}
			h.append("<tr><td>")
				.append(escape(line.label()))
				.append("</td><td class=\"v\">")
				.append(escape(line.value()))
				.append("</td></tr>");
		}
		if (section != null) {
			h.append("</table>");
		}
		h.append("</body></html>");
		return h.toString();
	}

	private String msg(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, key, locale);
	}

	private static String escape(String s) {
		return (s == null) ? ""
				: s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

}
