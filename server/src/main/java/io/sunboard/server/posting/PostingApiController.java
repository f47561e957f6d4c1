package io.sunboard.server.posting;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.sunboard.server.security.AccessPolicy;
import io.sunboard.server.security.Permission;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PostingApiController {

	private final PostingService service;

	private final PostingRepository postings;

	private final AccessPolicy access;

	private final Clock clock;

	PostingApiController(PostingService service, PostingRepository postings, AccessPolicy access, Clock clock) {
		this.service = service;
		this.postings = postings;
		this.access = access;
		this.clock = clock;
	}

	@PostMapping("/api/v1/postings")
	@ResponseStatus(HttpStatus.CREATED)
	Posting create(@Valid @RequestBody NewPosting request) {
		this.access.require(Permission.EDIT, request.schoolId());
		return this.service.create(request);
	}

	/**
	 * @param archived {@code true}: only postings whose publicity period is over (off
	 * screens and public pages, kept for staff); {@code false}: all others; absent: all
	 */
	@GetMapping("/api/v1/postings")
	List<Posting> list(@RequestParam(required = false) Boolean archived) {
		List<Posting> readable = this.access.readable(this.postings.findAll(), Posting::schoolId);
		if (archived == null) {
			return readable;
		}
		Instant now = this.clock.instant();
		return readable.stream().filter((p) -> p.archivedAt(now) == archived).toList();
	}

	@GetMapping("/api/v1/postings/{id}")
	Posting get(@PathVariable String id) {
		Posting posting = this.service.get(id);
		this.access.require(Permission.READ, posting.schoolId());
		return posting;
	}

	@PutMapping("/api/v1/postings/{id}")
	Posting edit(@PathVariable String id, @Valid @RequestBody NewPosting request) {
		this.access.require(Permission.EDIT, this.service.get(id).schoolId());
		return this.service.edit(id, request);
	}

	@PostMapping("/api/v1/postings/{id}/withdraw")
	Posting withdraw(@PathVariable String id) {
		this.access.require(Permission.EDIT, this.service.get(id).schoolId());
		return this.service.withdraw(id);
	}

}
