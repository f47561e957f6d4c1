package io.sunboard.server.annualreport;

import java.time.Clock;
import java.util.Locale;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.sunboard.server.compliance.SchoolSelection;
import io.sunboard.server.compliance.Years;

@RestController
class AnnualReportApiController {

	private final AnnualReportService reports;

	private final AnnualReportPdf pdf;

	private final SchoolSelection selection;

	private final Clock clock;

	AnnualReportApiController(AnnualReportService reports, AnnualReportPdf pdf, SchoolSelection selection,
			Clock clock) {
		this.reports = reports;
		this.pdf = pdf;
		this.selection = selection;
		this.clock = clock;
	}

	@GetMapping("/api/v1/annual-reports")
	ResponseEntity<?> report(@RequestParam(required = false) String regionId,
			@RequestParam(required = false) String schoolId, @RequestParam(required = false) Integer year,
			@RequestParam(defaultValue = "json") String format, Locale locale) {
		SchoolSelection.Selected selected = this.selection.resolve(regionId, schoolId, true);
		int y = Years.resolve(year, this.clock);
		AnnualReport report = this.reports.report(selected, y, locale);
		String file = "annual-report-" + selected.id() + "-" + y;
		return switch (format) {
			case "json" -> ResponseEntity.ok(report);
			case "csv" -> ResponseEntity.ok()
				.contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename(file + ".csv").build().toString())
				.body(AnnualReportCsv.write(report));
			case "pdf" -> ResponseEntity.ok()
				.contentType(MediaType.APPLICATION_PDF)
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename(file + ".pdf").build().toString())
				.body(this.pdf.write(report, locale));
			default -> throw new IllegalArgumentException("format must be json, csv or pdf; got " + format);
		};
	}

}
