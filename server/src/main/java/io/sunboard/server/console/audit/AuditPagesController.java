package io.sunboard.server.console.audit;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import io.sunboard.server.audit.AuditEvent;
import io.sunboard.server.audit.AuditLog;
import io.sunboard.server.console.ConsoleForms;
import io.sunboard.server.console.ConsolePage;
import io.sunboard.server.school.School;
import io.sunboard.server.school.SchoolRepository;
import io.sunboard.server.security.AccessPolicy;
import io.sunboard.server.security.Permission;
import io.sunboard.server.security.Role;
import io.sunboard.server.security.Scope;
import io.sunboard.server.security.SunboardUser;

/**
 * The audit log for auditors and administrators: filter by school, actor, action and
 * dates (whole days in the console's zone), and export the same selection as CSV through
 * the audit API.
 */
@Controller
@ConsolePage
class AuditPagesController {

	static final String VIEW = "console/audit/log";

	static final int PAGE_LIMIT = 500;

	/**
	 * Dates in the filter are read in China Standard Time: audit lines span schools, and
	 * every school of a deployment shares one zone in practice.
	 */
	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final AuditLog log;

	private final SchoolRepository schools;

	private final AccessPolicy access;

	AuditPagesController(AuditLog log, SchoolRepository schools, AccessPolicy access) {
		this.log = log;
		this.schools = schools;
		this.access = access;
	}

	@GetMapping("/console/audit")
	String log(@RequestParam(required = false) String schoolId, @RequestParam(required = false) String actor,
			@RequestParam(required = false) String action, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, Model model) {
		SunboardUser user = this.access.currentUser();
		if (user.role() != Role.AUDITOR && user.role() != Role.DISTRICT_ADMIN) {
			throw new AccessDeniedException("only auditors and administrators read the audit log");
		}
		String school = ConsoleForms.blankToNull(schoolId);
		if (school != null) {
			this.access.require(Permission.READ, school);
		}
		Instant fromInstant = null;
		Instant toInstant = null;
		try {
			fromInstant = ConsoleForms.startOfDay(from, ZONE, "from");
			Instant toDay = ConsoleForms.startOfDay(to, ZONE, "to");
			// the "to" day is included
			toInstant = (toDay != null) ? toDay.plusSeconds(86_400) : null;
		}
		catch (IllegalArgumentException ex) {
			model.addAttribute("error", ex.getMessage());
		}
		String actorFilter = ConsoleForms.blankToNull(actor);
		String actionFilter = ConsoleForms.blankToNull(action);
		List<AuditEvent> events = this.log.find(fromInstant, toInstant, actorFilter, actionFilter, school, PAGE_LIMIT)
			.stream()
			.filter((e) -> (e.schoolId() != null) ? this.access.allowed(Permission.READ, e.schoolId())
					: user.scope().type() == Scope.Type.ALL)
			.toList();
		model.addAttribute("events", events);
		model.addAttribute("schools", this.access.readable(this.schools.findAll(), School::id));
		model.addAttribute("filter", new Filter(school, actorFilter, actionFilter, from, to));
		model.addAttribute("zone", ZONE);
		model.addAttribute("limit", PAGE_LIMIT);
		model.addAttribute("exportUrl",
				UriComponentsBuilder.fromPath("/api/v1/audit/export")
					.queryParamIfPresent("schoolId", java.util.Optional.ofNullable(school))
					.queryParamIfPresent("actor", java.util.Optional.ofNullable(actorFilter))
					.queryParamIfPresent("action", java.util.Optional.ofNullable(actionFilter))
					.queryParamIfPresent("from", java.util.Optional.ofNullable(fromInstant))
					.queryParamIfPresent("to", java.util.Optional.ofNullable(toInstant))
					.encode()
					.build()
					.toUriString());
		return VIEW;
	}

	/** The filter as entered, to show it again. */
	record Filter(String schoolId, String actor, String action, String from, String to) {
	}

}
