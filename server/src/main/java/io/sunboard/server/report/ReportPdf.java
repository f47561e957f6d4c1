package io.sunboard.server.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import io.sunboard.server.pdf.PdfFonts;

/**
 * A report as PDF: the report template rendered to XHTML, laid out by openhtmltopdf with
 * the configured TrueType fonts embedded (subsets), so Chinese text shows on any viewer.
 */
@Component
class ReportPdf {

	static final String TEMPLATE = "reports/proof-of-play-pdf";

	private final ITemplateEngine templates;

	private final PdfFonts fonts;

	private final ReportView view;

	ReportPdf(ITemplateEngine templates, PdfFonts fonts, ReportView view) {
		this.templates = templates;
		this.fonts = fonts;
		this.view = view;
	}

	byte[] write(ProofOfPlayReport report, Locale locale) {
		this.fonts.fonts(); // a missing font answers before any work
		Context context = new Context(locale);
		this.view.fill(report, context::setVariable);
		String html = this.templates.process(TEMPLATE, context);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			PdfRendererBuilder builder = new PdfRendererBuilder().useFastMode().withHtmlContent(html, null);
			this.fonts.register(builder);
			builder.toStream(out).run();
		}
		catch (IOException ex) {
			throw new IllegalStateException("could not lay out the report as PDF", ex);
		}
		return out.toByteArray();
	}

}
