package io.sunboard.server.console.posting;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import io.sunboard.server.device.Device;
import io.sunboard.server.device.DeviceRepository;
import io.sunboard.server.posting.Posting;
import io.sunboard.server.posting.PostingService;
import io.sunboard.server.posting.PostingStatus;
import io.sunboard.server.review.ReviewService;
import io.sunboard.server.schedule.ScheduleRepository;
import io.sunboard.server.schedule.TargetType;
import io.sunboard.server.school.School;
import io.sunboard.server.security.AccessPolicy;
import io.sunboard.server.security.Permission;
import io.sunboard.templates.KindCatalog;
import io.sunboard.templates.ScreenProfile;

/**
 * Fills the editor page's model: the form, its kind's fields and tables, and for a saved
 * posting its review history, schedule and the actions the account may take.
 */
@Component
class PostingPageModel {

	private final KindCatalog kinds;

	private final ReviewService reviews;

	private final ScheduleRepository schedule;

	private final DeviceRepository devices;

	private final PostingService postings;

	private final AccessPolicy access;

	private final MessageSource messages;

	PostingPageModel(KindCatalog kinds, ReviewService reviews, ScheduleRepository schedule, DeviceRepository devices,
			PostingService postings, AccessPolicy access, MessageSource messages) {
		this.kinds = kinds;
		this.reviews = reviews;
		this.schedule = schedule;
		this.devices = devices;
		this.postings = postings;
		this.access = access;
		this.messages = messages;
	}

	String editor(Model model, PostingForm form, Posting posting, School school, List<School> editableSchools) {
		boolean mayEdit = this.access.allowed(Permission.EDIT, school.id());
		model.addAttribute("form", form);
		model.addAttribute("posting", posting);
		model.addAttribute("school", school);
		model.addAttribute("schools", editableSchools);
		model.addAttribute("kinds", this.kinds.ids());
		model.addAttribute("kind", this.kinds.forRendering(form.getKind()));
		model.addAttribute("profiles", List.of(ScreenProfile.values()));
		model.addAttribute("editable", mayEdit && (posting == null || posting.status() != PostingStatus.WITHDRAWN));
		if (posting != null) {
			model.addAttribute("author", this.postings.author(posting.id()).orElse(null));
			model.addAttribute("reviews", this.reviews.history(posting.id()));
			model.addAttribute("entries", this.schedule.findByPosting(posting.id()));
			model.addAttribute("maySubmit",
					mayEdit && (posting.status() == PostingStatus.DRAFT || posting.status() == PostingStatus.REJECTED));
			model.addAttribute("mayWithdraw", mayEdit && posting.status() != PostingStatus.WITHDRAWN);
			model.addAttribute("mayReview",
					this.access.allowed(Permission.REVIEW, school.id()) && posting.status() == PostingStatus.IN_REVIEW);
			boolean maySchedule = mayEdit && posting.status() == PostingStatus.APPROVED;
			model.addAttribute("maySchedule", maySchedule);
			if (maySchedule) {
				List<Device> screens = this.devices.findBySchool(school.id()).stream().filter(Device::active).toList();
				Set<String> tags = new TreeSet<>();
				this.devices.tagsBySchool(school.id()).values().forEach(tags::addAll);
				model.addAttribute("screens", screens);
				model.addAttribute("tags", tags);
				model.addAttribute("targetTypes", List.of(TargetType.values()));
				model.addAttribute("weekdays", List.of(DayOfWeek.values()));
			}
		}
		return PostingPagesController.EDIT;
	}

	String message(String key, Locale locale) {
		return this.messages.getMessage(key, null, key, locale);
	}

}
