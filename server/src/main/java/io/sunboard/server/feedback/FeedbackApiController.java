package io.sunboard.server.feedback;

import java.util.List;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.sunboard.server.compliance.SchoolSelection;
import io.sunboard.server.security.AccessPolicy;
import io.sunboard.server.security.Permission;

@RestController
class FeedbackApiController {

	static final int DEFAULT_PAGE_SIZE = 50;

	static final int MAX_PAGE_SIZE = 500;

	private final FeedbackService service;

	private final SchoolSelection selection;

	private final AccessPolicy access;

	FeedbackApiController(FeedbackService service, SchoolSelection selection, AccessPolicy access) {
		this.service = service;
		this.selection = selection;
		this.access = access;
	}

	/**
	 * Newest first. Without {@code size}, every item (as before paging existed); with it,
	 * page {@code page} (1 for the first) of {@code size} items: ask for the next page
	 * until one comes back shorter than {@code size}.
	 */
	@GetMapping("/api/v1/feedback")
	List<FeedbackView> list(@RequestParam(required = false) String regionId,
			@RequestParam(required = false) String schoolId, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		List<String> schoolIds = this.selection.resolve(regionId, schoolId, false).schoolIds();
		if (size == null && page == null) {
			return this.service.list(schoolIds, null, null, viewer());
		}
		int perPage = (size != null) ? size : DEFAULT_PAGE_SIZE;
		if (perPage < 1 || perPage > MAX_PAGE_SIZE) {
			throw new IllegalArgumentException("size must be 1 to " + MAX_PAGE_SIZE + "; leave it out for every item");
		}
		if (page != null && page < 1) {
			throw new IllegalArgumentException("page must be 1 or more; 1 is the newest items");
		}
		return this.service.list(schoolIds, (page != null) ? page : 1, perPage, viewer());
	}

	@GetMapping("/api/v1/feedback/{id}")
	FeedbackView get(@PathVariable String id) {
		FeedbackItem item = this.service.get(id);
		this.access.require(Permission.READ, item.schoolId());
		return this.service.view(item, viewer());
	}

	@PostMapping("/api/v1/feedback")
	@ResponseStatus(HttpStatus.CREATED)
	FeedbackView create(@Valid @RequestBody NewFeedback request) {
		this.access.require(Permission.EDIT, request.schoolId());
		return this.service.create(request);
	}

	@PostMapping("/api/v1/feedback/{id}/assign")
	FeedbackView assign(@PathVariable String id, @RequestBody Assignment request) {
		this.access.require(Permission.EDIT, this.service.get(id).schoolId());
		if (request.assignee() == null || request.assignee().isBlank()) {
			throw new IllegalArgumentException("assignee is required: the username of the staff member who answers");
		}
		return this.service.assign(id, request.assignee().trim());
	}

	/** The assignee answers, or anyone who may edit at the school. */
	@PostMapping("/api/v1/feedback/{id}/reply")
	FeedbackView reply(@PathVariable String id, @RequestBody Reply request) {
		FeedbackItem item = this.service.get(id);
		if (!viewer().equals(item.assignee())) {
			this.access.require(Permission.EDIT, item.schoolId());
		}
		return this.service.reply(id, request.reply(), Boolean.TRUE.equals(request.publishOnKiosk()));
	}

	private String viewer() {
		return this.access.currentUser().getUsername();
	}

	record Assignment(String assignee) {

	}

	/**
	 * @param publishOnKiosk show the reply (without the visitor's contact) on the
	 * school's kiosks
	 */
	record Reply(String reply, Boolean publishOnKiosk) {

	}

}
