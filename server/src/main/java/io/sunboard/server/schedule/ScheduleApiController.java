package io.sunboard.server.schedule;

import java.util.List;

import io.sunboard.server.posting.PostingService;
import io.sunboard.server.security.AccessPolicy;
import io.sunboard.server.security.Permission;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ScheduleApiController {

	private final ScheduleService service;

	private final ScheduleRepository entries;

	private final PostingService postings;

	private final AccessPolicy access;

	ScheduleApiController(ScheduleService service, ScheduleRepository entries, PostingService postings,
			AccessPolicy access) {
		this.service = service;
		this.entries = entries;
		this.postings = postings;
		this.access = access;
	}

	@PostMapping("/api/v1/postings/{id}/schedule")
	@ResponseStatus(HttpStatus.CREATED)
	ScheduleEntry schedule(@PathVariable String id, @Valid @RequestBody NewScheduleEntry request) {
		requireMaySchedule(id, request);
		return this.service.schedule(id, request);
	}

	@PutMapping("/api/v1/postings/{id}/schedule/{entryId}")
	ScheduleEntry replace(@PathVariable String id, @PathVariable String entryId,
			@Valid @RequestBody NewScheduleEntry request) {
		requireMaySchedule(id, request);
		return this.service.replace(id, entryId, request);
	}

	@DeleteMapping("/api/v1/postings/{id}/schedule/{entryId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable String id, @PathVariable String entryId) {
		this.access.require(Permission.EDIT, this.postings.get(id).schoolId());
		this.service.delete(id, entryId);
	}

	/**
	 * Editing at the posting's school; a whole region as target needs the right in that
	 * region too.
	 */
	private void requireMaySchedule(String postingId, NewScheduleEntry request) {
		this.access.require(Permission.EDIT, this.postings.get(postingId).schoolId());
		if (request.targetType() == TargetType.REGION && request.targetId() != null) {
			this.access.requireRegion(Permission.EDIT, request.targetId());
		}
	}

	@GetMapping("/api/v1/postings/{id}/schedule")
	List<ScheduleEntry> list(@PathVariable String id) {
		this.access.require(Permission.READ, this.postings.get(id).schoolId());
		return this.entries.findByPosting(id);
	}

}
