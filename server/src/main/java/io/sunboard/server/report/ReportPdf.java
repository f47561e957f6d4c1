package io.sunboard.server.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * A report as PDF: the report template rendered to XHTML, laid out by openhtmltopdf with
 * the configured TrueType fonts embedded (subsets), so Chinese text shows on any viewer.
 */
@Component
class ReportPdf {

	static final String TEMPLATE = "reports/proof-of-play-pdf";

	private final ITemplateEngine templates;

	private final ReportSettings settings;

	private final ReportView view;

	ReportPdf(ITemplateEngine templates, ReportSettings settings, ReportView view) {
		this.templates = templates;
		this.settings = settings;
		this.view = view;
	}

	byte[] write(ProofOfPlayReport report, Locale locale) {
		List<Path> fonts = this.settings.pdfFonts().stream().filter(Files::isReadable).toList();
		if (fonts.size() < this.settings.pdfFonts().size()) {
			throw new PdfFontMissing("PDF export needs the fonts " + this.settings.pdfFonts()
					+ ": install the Debian packages fonts-dejavu-core and fonts-droid-fallback,"
					+ " or set sunboard.reports.pdf-fonts to TrueType fonts (.ttf) that exist");
		}
		Context context = new Context(locale);
		this.view.fill(report, context::setVariable);
		String html = this.templates.process(TEMPLATE, context);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			PdfRendererBuilder builder = new PdfRendererBuilder().useFastMode().withHtmlContent(html, null);
			for (int i = 0; i < fonts.size(); i++) {
				builder.useFont(fonts.get(i).toFile(), "font" + i);
			}
			builder.toStream(out).run();
		}
		catch (IOException ex) {
			throw new IllegalStateException("could not lay out the report as PDF", ex);
		}
		return out.toByteArray();
	}

	/** The configured PDF fonts are not on this machine. */
	static class PdfFontMissing extends RuntimeException {

		PdfFontMissing(String message) {
			super(message);
		}

	}

}
