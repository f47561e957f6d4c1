package io.sunboard.server.console.schedule;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.sunboard.server.console.ConsoleForms;
import io.sunboard.server.console.ConsolePage;
import io.sunboard.server.device.Device;
import io.sunboard.server.device.DeviceRepository;
import io.sunboard.server.dispatch.ScreenOutlook;
import io.sunboard.server.posting.Posting;
import io.sunboard.server.posting.PostingRepository;
import io.sunboard.server.posting.PostingService;
import io.sunboard.server.posting.PostingStatus;
import io.sunboard.server.schedule.NewScheduleEntry;
import io.sunboard.server.schedule.ScheduleService;
import io.sunboard.server.schedule.TargetType;
import io.sunboard.server.school.School;
import io.sunboard.server.school.SchoolRepository;
import io.sunboard.server.security.AccessPolicy;
import io.sunboard.server.security.Permission;
import io.sunboard.server.system.ConflictException;
import io.sunboard.server.system.NotFoundException;

/**
 * Scheduling from the console: put an approved posting on a target and windows, remove an
 * entry, and see per school and per screen what shows when over the next week.
 */
@Controller
@ConsolePage
class SchedulePagesController {

	static final String TIMELINE = "console/schedule/timeline";

	static final int DAYS = 7;

	private final ScheduleService schedule;

	private final PostingService postings;

	private final PostingRepository postingRepository;

	private final SchoolRepository schools;

	private final DeviceRepository devices;

	private final ScreenOutlook outlook;

	private final AccessPolicy access;

	private final Clock clock;

	SchedulePagesController(ScheduleService schedule, PostingService postings, PostingRepository postingRepository,
			SchoolRepository schools, DeviceRepository devices, ScreenOutlook outlook, AccessPolicy access,
			Clock clock) {
		this.schedule = schedule;
		this.postings = postings;
		this.postingRepository = postingRepository;
		this.schools = schools;
		this.devices = devices;
		this.outlook = outlook;
		this.access = access;
		this.clock = clock;
	}

	@PostMapping("/console/postings/{id}/schedule")
	String add(@PathVariable String id, @RequestParam(defaultValue = "SCHOOL") TargetType targetType,
			@RequestParam(required = false) String targetId, @RequestParam(required = false) String startsAt,
			@RequestParam(required = false) String endsAt, @RequestParam(required = false) String dailyStart,
			@RequestParam(required = false) String dailyEnd, @RequestParam(required = false) List<DayOfWeek> weekdays,
			@RequestParam(required = false) Integer durationSeconds, @RequestParam(required = false) Integer priority,
			RedirectAttributes redirect) {
		Posting posting = this.postings.get(id);
		this.access.require(Permission.EDIT, posting.schoolId());
		School school = this.schools.find(posting.schoolId()).orElseThrow();
		String target = ConsoleForms.blankToNull(targetId);
		if (targetType == TargetType.REGION && target != null) {
			this.access.requireRegion(Permission.EDIT, target);
		}
		try {
			var starts = ConsoleForms.instant(startsAt, school.timeZone(), "from");
			var ends = ConsoleForms.instant(endsAt, school.timeZone(), "until");
			if (starts == null || ends == null) {
				throw new IllegalArgumentException("give the first and last day and time of the window");
			}
			if (durationSeconds != null && (durationSeconds < 1 || durationSeconds > 3600)) {
				throw new IllegalArgumentException("seconds per showing must be 1-3600");
			}
			if (priority != null && (priority < 0 || priority > 9)) {
				throw new IllegalArgumentException("priority must be 0-9");
			}
			this.schedule.schedule(id, new NewScheduleEntry(starts, ends, durationSeconds, priority, null, targetType,
					target, time(dailyStart), time(dailyEnd), weekdays, null, null));
			redirect.addFlashAttribute("notice", "schedule.notice.added");
		}
		catch (IllegalArgumentException | ConflictException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/console/postings/" + id + "#schedule";
	}

	@PostMapping("/console/postings/{id}/schedule/{entryId}/delete")
	String remove(@PathVariable String id, @PathVariable String entryId, RedirectAttributes redirect) {
		this.access.require(Permission.EDIT, this.postings.get(id).schoolId());
		this.schedule.delete(id, entryId);
		redirect.addFlashAttribute("notice", "schedule.notice.removed");
		return "redirect:/console/postings/" + id + "#schedule";
	}

	/** An {@code <input type=time>} value (HH:mm), whatever the page's language. */
	private static LocalTime time(String value) {
		String text = ConsoleForms.blankToNull(value);
		if (text == null) {
			return null;
		}
		try {
			return LocalTime.parse(text);
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw new IllegalArgumentException("daily times must be like 08:00; got " + text);
		}
	}

	/**
	 * The week ahead of every screen of one school, or of one screen; the school defaults
	 * to the first the account may read.
	 */
	@GetMapping("/console/schedule")
	String timeline(@RequestParam(required = false) String schoolId, @RequestParam(required = false) String device,
			Model model) {
		List<School> readable = this.access.readable(this.schools.findAll(), School::id);
		School school;
		List<Device> screens;
		if (device != null) {
			Device one = this.devices.find(device)
				.orElseThrow(() -> new NotFoundException("no screen '" + device + "'"));
			this.access.require(Permission.READ, one.schoolId());
			school = this.schools.find(one.schoolId()).orElseThrow();
			screens = List.of(one);
		}
		else if (schoolId != null) {
			this.access.require(Permission.READ, schoolId);
			school = this.schools.find(schoolId)
				.orElseThrow(() -> new NotFoundException("no school '" + schoolId + "'"));
			screens = this.devices.findBySchool(school.id());
		}
		else if (!readable.isEmpty()) {
			school = readable.get(0);
			screens = this.devices.findBySchool(school.id());
		}
		else {
			throw new AccessDeniedException("this account reads no school");
		}
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), school.timeZone());
		Map<Device, ScreenTimeline> timelines = new LinkedHashMap<>();
		for (Device screen : screens) {
			timelines.put(screen, ScreenTimeline.of(this.outlook.nowAndNext(screen.id(), Duration.ofDays(DAYS)),
					school.timeZone(), today, DAYS));
		}
		model.addAttribute("schools", readable);
		model.addAttribute("school", school);
		model.addAttribute("device", device);
		model.addAttribute("timelines", timelines);
		model.addAttribute("hours", java.util.stream.IntStream.range(0, ScreenTimeline.HOURS).boxed().toList());
		model.addAttribute("approved",
				this.postingRepository.findBySchool(school.id())
					.stream()
					.filter((p) -> p.status() == PostingStatus.APPROVED)
					.toList());
		model.addAttribute("mayEdit", this.access.allowed(Permission.EDIT, school.id()));
		return TIMELINE;
	}

}
