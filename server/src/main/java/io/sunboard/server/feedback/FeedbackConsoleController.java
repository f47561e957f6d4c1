package io.sunboard.server.feedback;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.sunboard.server.compliance.SchoolSelection;
import io.sunboard.server.calendar.WorkingDayCalendar;
import io.sunboard.server.console.ConsolePage;
import io.sunboard.server.school.School;
import io.sunboard.server.school.SchoolRepository;
import io.sunboard.server.security.AccessPolicy;
import io.sunboard.server.security.Permission;
import io.sunboard.server.system.NotFoundException;

/** The console's feedback inbox: list, enter a phone or visit case, assign, reply. */
@Controller
@ConsolePage
class FeedbackConsoleController {

	static final String VIEW = "feedback/inbox";

	/** Rows a page: each has two forms, so a whole year on one page was megabytes. */
	static final int PAGE_SIZE = 50;

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

	/**
	 * One page of the inbox. A school filter wins over a region filter (district staff
	 * narrowing down within their region); the counts cover every page.
	 */
	@GetMapping("/console/feedback")
	String inbox(@RequestParam(required = false) String schoolId, @RequestParam(required = false) String regionId,
			@RequestParam(required = false) String state, @RequestParam(defaultValue = "1") int page, Model model) {
		boolean school = schoolId != null && !schoolId.isBlank();
		SchoolSelection.Selected selected = this.selection.resolve(school ? null : regionId, schoolId, false);
		FeedbackInbox inbox = this.service.inbox(selected.schoolIds(), FeedbackInbox.State.fromParam(state), page,
				PAGE_SIZE, this.access.currentUser().getUsername());
		List<FeedbackView> items = inbox.items();
		model.addAttribute("inbox", inbox);
		model.addAttribute("items", items);
		// due dates counted on a provisional (or missing) year's calendar say so
		model.addAttribute("provisionalYears",
				items.stream()
					.map((i) -> i.dueOn().getYear())
					.distinct()
					.sorted()
					.filter(this.calendar::isProvisional)
					.map(String::valueOf)
					.collect(Collectors.joining(", ")));
		List<School> readable = this.access.readable(this.schools.findAll(), School::id);
		String region = school ? null : regionId;
		model.addAttribute("schools", selected.schools());
		model.addAttribute("schoolNames", readable.stream().collect(Collectors.toMap(School::id, School::name)));
		model.addAttribute("filterSchools",
				readable.stream()
					.filter((s) -> region == null || region.isBlank() || s.regionId().equals(region))
					.toList());
		model.addAttribute("regions", readable.stream().map(School::regionId).distinct().sorted().toList());
		model.addAttribute("editableSchools",
				readable.stream().filter((s) -> this.access.allowed(Permission.EDIT, s.id())).toList());
		model.addAttribute("schoolId", schoolId);
		model.addAttribute("regionId", region);
		model.addAttribute("state", inbox.state().param());
		model.addAttribute("states", FeedbackInbox.State.values());
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
