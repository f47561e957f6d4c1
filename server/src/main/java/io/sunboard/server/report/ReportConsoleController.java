package io.sunboard.server.report;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.sunboard.server.console.ConsolePage;
import io.sunboard.server.posting.Posting;
import io.sunboard.server.posting.PostingRepository;
import io.sunboard.server.school.School;
import io.sunboard.server.school.SchoolRepository;
import io.sunboard.server.security.AccessPolicy;
import io.sunboard.server.system.NotFoundException;

/**
 * {@code /console/reports}: pick a posting, school or screen and a date range; see who
 * showed what, for how long, the gaps, two charts, and links to the CSV and PDF.
 */
@Controller
@ConsolePage
class ReportConsoleController {

	static final String VIEW = "reports/proof-of-play";

	private final ProofOfPlayReports reports;

	private final ReportAccess reportAccess;

	private final ReportView view;

	private final ReportSettings settings;

	private final AccessPolicy access;

	private final SchoolRepository schools;

	private final PostingRepository postings;

	private final java.time.Clock clock;

	ReportConsoleController(ProofOfPlayReports reports, ReportAccess reportAccess, ReportView view,
			ReportSettings settings, AccessPolicy access, SchoolRepository schools, PostingRepository postings,
			java.time.Clock clock) {
		this.reports = reports;
		this.reportAccess = reportAccess;
		this.view = view;
		this.settings = settings;
		this.access = access;
		this.schools = schools;
		this.postings = postings;
		this.clock = clock;
	}

	@GetMapping("/console/reports")
	String page(@RequestParam(required = false) String postingId, @RequestParam(required = false) String schoolId,
			@RequestParam(required = false) String deviceId, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, Model model) {
		ZoneId zone = this.settings.timeZone();
		LocalDate today = LocalDate.now(this.clock.withZone(zone));
		String fromValue = blank(from) ? today.minusDays(6).toString() : from;
		String toValue = blank(to) ? today.toString() : to;
		model.addAttribute("schools",
				this.access.readable(this.schools.findAll(), School::id)
					.stream()
					.sorted(Comparator.comparing(School::id))
					.toList());
		model.addAttribute("postings",
				this.access.readable(this.postings.findAll(), Posting::schoolId)
					.stream()
					.sorted(Comparator.comparing(Posting::title))
					.toList());
		model.addAttribute("postingId", postingId);
		model.addAttribute("schoolId", schoolId);
		model.addAttribute("deviceId", deviceId);
		model.addAttribute("from", fromValue);
		model.addAttribute("to", toValue);
		if (!blank(postingId) || !blank(schoolId) || !blank(deviceId)) {
			try {
				ReportQuery query = ReportParams.query(postingId, schoolId, null, deviceId, fromValue, toValue, zone);
				this.reportAccess.require(query);
				this.view.fill(this.reports.report(query), model::addAttribute);
				model.addAttribute("query", query);
			}
			catch (IllegalArgumentException | NotFoundException ex) {
				model.addAttribute("error", ex.getMessage());
			}
		}
		return VIEW;
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
