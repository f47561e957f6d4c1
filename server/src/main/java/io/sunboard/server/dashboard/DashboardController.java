package io.sunboard.server.dashboard;

import java.util.Comparator;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.sunboard.server.console.ConsolePage;
import io.sunboard.server.school.School;
import io.sunboard.server.school.SchoolRepository;
import io.sunboard.server.security.AccessPolicy;

/**
 * The dashboard page: its frame and the schools to filter by. Its content arrives over
 * the WebSocket, so the page never needs reloading.
 */
@Controller
@ConsolePage
class DashboardController {

	static final String VIEW = "dashboard/index";

	private final SchoolRepository schools;

	private final AccessPolicy access;

	private final DashboardSettings settings;

	DashboardController(SchoolRepository schools, AccessPolicy access, DashboardSettings settings) {
		this.schools = schools;
		this.access = access;
		this.settings = settings;
	}

	@GetMapping("/console/dashboard")
	String dashboard(Model model) {
		model.addAttribute("schools",
				this.access.readable(this.schools.findAll(), School::id)
					.stream()
					.sorted(Comparator.comparing(School::name))
					.toList());
		model.addAttribute("pageSize", this.settings.pageSize());
		model.addAttribute("wsPath", DashboardWebSocketConfiguration.PATH);
		return VIEW;
	}

}
