package io.sunboard.server.annualreport;

import java.time.Clock;
import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.sunboard.server.compliance.SchoolSelection;
import io.sunboard.server.compliance.Years;
import io.sunboard.server.console.ConsolePage;

/**
 * The console's annual report page: pick a region or school and a year, see, download.
 */
@Controller
@ConsolePage
class AnnualReportConsoleController {

	static final String VIEW = "annualreport/report";

	private final AnnualReportService reports;

	private final SchoolSelection selection;

	private final Clock clock;

	AnnualReportConsoleController(AnnualReportService reports, SchoolSelection selection, Clock clock) {
		this.reports = reports;
		this.selection = selection;
		this.clock = clock;
	}

	@GetMapping("/console/annual-report")
	String page(@RequestParam(required = false) String regionId, @RequestParam(required = false) String schoolId,
			@RequestParam(required = false) Integer year, Locale locale, Model model) {
		int y = Years.resolve(year, this.clock);
		model.addAttribute("year", y);
		model.addAttribute("regionId", regionId);
		model.addAttribute("schoolId", schoolId);
		model.addAttribute("schools", this.selection.resolve(null, null, false).schools());
		boolean chosen = (regionId != null && !regionId.isBlank()) || (schoolId != null && !schoolId.isBlank());
		if (chosen) {
			model.addAttribute("report",
					this.reports.report(this.selection.resolve(regionId, schoolId, true), y, locale));
		}
		return VIEW;
	}

}
