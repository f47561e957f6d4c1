package io.sunboard.server.feedback;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.sunboard.server.compliance.SchoolSelection;
import io.sunboard.server.calendar.WorkingDayCalendar;
import io.sunboard.server.school.School;
import io.sunboard.server.school.SchoolRepository;
import io.sunboard.server.security.AccessPolicy;
import io.sunboard.server.security.Permission;
import io.sunboard.server.system.NotFoundException;

/** The console's feedback inbox: list, enter a phone or visit case, assign, reply. */
@Controller
class FeedbackConsoleController {

	static final String VIEW = "feedback/inbox";

	private static final String REDIRECT = "redirect:/console/feedback";

	private final FeedbackService service;

	private final SchoolSelection selection;

	private final SchoolRepository schools;

	private final AccessPolicy access;

	private final Clock clock;

	private final WorkingDayCalendar calendar;

	FeedbackConsoleController(FeedbackService service, SchoolSelection selection, SchoolRepository schools,
			AccessPolicy access, Clock clock, WorkingDayCalendar calendar) {
		this.calendar = calendar;
		this.service = service;
		this.selection = selection;
		this.schools = schools;
		this.access = access;
		this.clock = clock;
	}

	@GetMapping("/console/feedback")
	String inbox(@RequestParam(required = false) String schoolId, Model model) {
		SchoolSelection.Selected selected = this.selection.resolve(null, schoolId, false);
		List<FeedbackView> items = this.service.list(selected.schoolIds(), null, null,
				this.access.currentUser().getUsername());
		model.addAttribute("items", items);
		// due dates counted on a provisional (or missing) year's calendar say so
		model.addAttribute("provisionalYears",
				items.stream()
					.map((i) -> i.dueOn().getYear())
					.distinct()
					.sorted()
					.filter(this.calendar::isProvisional)
					.map(String::valueOf)
					.collect(java.util.stream.Collectors.joining(", ")));
		model.addAttribute("schools", selected.schools());
		model.addAttribute("schoolNames",
				selected.schools().stream().collect(java.util.stream.Collectors.toMap(School::id, School::name)));
		model.addAttribute("editableSchools",
				this.access.readable(this.schools.findAll(), School::id)
					.stream()
					.filter((s) -> this.access.allowed(Permission.EDIT, s.id()))
					.toList());
		model.addAttribute("schoolId", schoolId);
		model.addAttribute("kinds", FeedbackKind.values());
		model.addAttribute("channels", List.of(FeedbackChannel.PHONE, FeedbackChannel.IN_PERSON));
		return VIEW;
	}

	@PostMapping("/console/feedback")
	String create(@RequestParam String schoolId, @RequestParam FeedbackKind kind, @RequestParam FeedbackChannel channel,
			@RequestParam String text, @RequestParam(required = false) String contact,
			@RequestParam(required = false) LocalDate receivedOn, RedirectAttributes redirect) {
		this.access.require(Permission.EDIT, schoolId);
		School school = this.schools.find(schoolId)
			.orElseThrow(() -> new NotFoundException("no school '" + schoolId + "'"));
		// a date alone means that day; today means now, so the due date counts from today
		Instant received = (receivedOn == null
				|| receivedOn.equals(LocalDate.now(this.clock.withZone(school.timeZone())))) ? null
						: receivedOn.atTime(LocalTime.NOON).atZone(school.timeZone()).toInstant();
		return act(redirect, () -> {
			if (contact != null && !contact.isBlank() && !contact.matches("[0-9+ ()-]{1,40}")) {
				throw new IllegalArgumentException("contact must be a phone number");
			}
			if (text.isBlank() || text.length() > 2000) {
				throw new IllegalArgumentException("text is required, at most 2000 characters");
			}
			this.service.create(new NewFeedback(schoolId, kind, channel, null, text, contact, received));
		});
	}

	@PostMapping("/console/feedback/{id}/assign")
	String assign(@PathVariable String id, @RequestParam String assignee, RedirectAttributes redirect) {
		this.access.require(Permission.EDIT, this.service.get(id).schoolId());
		return act(redirect, () -> this.service.assign(id, assignee.trim()));
	}

	@PostMapping("/console/feedback/{id}/reply")
	String reply(@PathVariable String id, @RequestParam String reply,
			@RequestParam(defaultValue = "false") boolean publishOnKiosk, RedirectAttributes redirect) {
		FeedbackItem item = this.service.get(id);
		if (!this.access.currentUser().getUsername().equals(item.assignee())) {
			this.access.require(Permission.EDIT, item.schoolId());
		}
		return act(redirect, () -> this.service.reply(id, reply, publishOnKiosk));
	}

	private static String act(RedirectAttributes redirect, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("saved", true);
		}
		catch (IllegalArgumentException | io.sunboard.server.system.ConflictException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return REDIRECT;
	}

}
