package io.sunboard.server.report;

import java.util.Locale;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/reports/proof-of-play?postingId=|schoolId=|regionId=|deviceId=&from=&to=}
 * as JSON, or as CSV ({@code .csv} or {@code format=csv}) or PDF ({@code .pdf} or
 * {@code format=pdf}).
 */
@RestController
class ProofOfPlayReportController {

	private final ProofOfPlayReports reports;

	private final ReportAccess access;

	private final ReportSettings settings;

	private final ReportCsv csv;

	private final ReportPdf pdf;

	ProofOfPlayReportController(ProofOfPlayReports reports, ReportAccess access, ReportSettings settings, ReportCsv csv,
			ReportPdf pdf) {
		this.reports = reports;
		this.access = access;
		this.settings = settings;
		this.csv = csv;
		this.pdf = pdf;
	}

	@GetMapping("/api/v1/reports/proof-of-play")
	ResponseEntity<?> report(@RequestParam(required = false) String postingId,
			@RequestParam(required = false) String schoolId, @RequestParam(required = false) String regionId,
			@RequestParam(required = false) String deviceId, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(defaultValue = "json") String format,
			Locale locale) {
		ProofOfPlayReport report = build(postingId, schoolId, regionId, deviceId, from, to);
		return switch (format) {
			case "json" -> ResponseEntity.ok(report);
			case "csv" -> csv(report, locale);
			case "pdf" -> pdf(report, locale);
			default -> throw new IllegalArgumentException("format must be json, csv or pdf; got '" + format + "'");
		};
	}

	@GetMapping("/api/v1/reports/proof-of-play.csv")
	ResponseEntity<byte[]> reportCsv(@RequestParam(required = false) String postingId,
			@RequestParam(required = false) String schoolId, @RequestParam(required = false) String regionId,
			@RequestParam(required = false) String deviceId, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, Locale locale) {
		return csv(build(postingId, schoolId, regionId, deviceId, from, to), locale);
	}

	@GetMapping("/api/v1/reports/proof-of-play.pdf")
	ResponseEntity<byte[]> reportPdf(@RequestParam(required = false) String postingId,
			@RequestParam(required = false) String schoolId, @RequestParam(required = false) String regionId,
			@RequestParam(required = false) String deviceId, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, Locale locale) {
		return pdf(build(postingId, schoolId, regionId, deviceId, from, to), locale);
	}

	private ProofOfPlayReport build(String postingId, String schoolId, String regionId, String deviceId, String from,
			String to) {
		ReportQuery query = ReportParams.query(postingId, schoolId, regionId, deviceId, from, to,
				this.settings.timeZone());
		this.access.require(query);
		return this.reports.report(query);
	}

	private ResponseEntity<byte[]> csv(ProofOfPlayReport report, Locale locale) {
		return file(this.csv.write(report, locale),
				new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8), fileName(report, "csv"));
	}

	private ResponseEntity<byte[]> pdf(ProofOfPlayReport report, Locale locale) {
		return file(this.pdf.write(report, locale), MediaType.APPLICATION_PDF, fileName(report, "pdf"));
	}

	private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String name) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(body);
	}

	private static String fileName(ProofOfPlayReport report, String extension) {
		String id = report.id().replaceAll("[^A-Za-z0-9._-]", "_");
		return "proof-of-play-" + report.subject().name().toLowerCase(Locale.ROOT) + "-" + id + "." + extension;
	}

}
