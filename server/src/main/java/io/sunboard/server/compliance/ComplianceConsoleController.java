package io.sunboard.server.compliance;

import java.time.Clock;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.sunboard.server.calendar.WorkingDayCalendar;
import io.sunboard.server.console.ConsolePage;

/** The console's compliance dashboard, with the kiosks' ratings. */
@Controller
@ConsolePage
class ComplianceConsoleController {

	static final String VIEW = "compliance/dashboard";

	private final ComplianceService compliance;

	private final EvaluationService evaluations;

	private final SchoolSelection selection;

	private final Clock clock;

	private final WorkingDayCalendar calendar;

	ComplianceConsoleController(ComplianceService compliance, EvaluationService evaluations, SchoolSelection selection,
			Clock clock, WorkingDayCalendar calendar) {
		this.calendar = calendar;
		this.compliance = compliance;
		this.evaluations = evaluations;
		this.selection = selection;
		this.clock = clock;
	}

	@GetMapping("/console/compliance")
	String dashboard(@RequestParam(required = false) String regionId, @RequestParam(required = false) String schoolId,
			@RequestParam(required = false) Integer year, Model model) {
		SchoolSelection.Selected selected = this.selection.resolve(regionId, schoolId, false);
		int y = Years.resolve(year, this.clock);
		model.addAttribute("report", this.compliance.report(selected.schools(), y));
		model.addAttribute("evaluation", this.evaluations.forYear(selected.schools(), y));
		model.addAttribute("regionId", regionId);
		model.addAttribute("schoolId", schoolId);
		model.addAttribute("year", y);
		// a string: the message would print a number as 2,027
		model.addAttribute("provisionalYear", this.calendar.isProvisional(y) ? String.valueOf(y) : "");
		return VIEW;
	}

}
