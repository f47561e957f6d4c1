package io.sunboard.server.schedule;

import java.util.List;

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

	ScheduleApiController(ScheduleService service, ScheduleRepository entries) {
		this.service = service;
		this.entries = entries;
	}

	@PostMapping("/api/v1/postings/{id}/schedule")
	@ResponseStatus(HttpStatus.CREATED)
	ScheduleEntry schedule(@PathVariable String id, @Valid @RequestBody NewScheduleEntry request) {
		return this.service.schedule(id, request);
	}

	@PutMapping("/api/v1/postings/{id}/schedule/{entryId}")
	ScheduleEntry replace(@PathVariable String id, @PathVariable String entryId,
			@Valid @RequestBody NewScheduleEntry request) {
		return this.service.replace(id, entryId, request);
	}

	@DeleteMapping("/api/v1/postings/{id}/schedule/{entryId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable String id, @PathVariable String entryId) {
		this.service.delete(id, entryId);
	}

	@GetMapping("/api/v1/postings/{id}/schedule")
	List<ScheduleEntry> list(@PathVariable String id) {
		return this.entries.findByPosting(id);
	}

}
