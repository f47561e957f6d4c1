package io.sunboard.server.annualreport;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.env.MockEnvironment;

import io.sunboard.server.pdf.PdfFontSettings;
import io.sunboard.server.pdf.PdfFonts;
import io.sunboard.server.report.ReportSettings;

import static org.assertj.core.api.Assertions.assertThat;

class AnnualReportPdfTests {

	private static final AnnualReport REPORT = new AnnualReport("school", "s1", "一小", 2026,
			Instant.parse("2027-01-02T01:30:00Z"), List.of(new AnnualReport.Line("feedback", "received", "收到", "4")));

	@Test
	void theGeneratedTimeIsInTheReportsTimeZone() throws IOException {
		assertThat(text(ZoneId.of("Asia/Shanghai"))).contains("生成时间：2027-01-02 09:30").contains("收到 4");
		assertThat(text(ZoneId.of("Europe/Berlin"))).contains("生成时间：2027-01-02 02:30");
	}

	private static String text(ZoneId zone) throws IOException {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		AnnualReportPdf pdf = new AnnualReportPdf(new PdfFonts(new PdfFontSettings(null, null), new MockEnvironment()),
				messages, new ReportSettings(zone));
		try (PDDocument document = Loader.loadPDF(pdf.write(REPORT, Locale.SIMPLIFIED_CHINESE))) {
			return new PDFTextStripper().getText(document);
		}
	}

}
