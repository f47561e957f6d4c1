package io.sunboard.server.posting;

import java.util.List;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PostingApiController {

	private final PostingService service;

	private final PostingRepository postings;

	PostingApiController(PostingService service, PostingRepository postings) {
		this.service = service;
		this.postings = postings;
	}

	@PostMapping("/api/v1/postings")
	@ResponseStatus(HttpStatus.CREATED)
	Posting create(@Valid @RequestBody NewPosting request) {
		return this.service.create(request);
	}

	@GetMapping("/api/v1/postings")
	List<Posting> list() {
		return this.postings.findAll();
	}

	@GetMapping("/api/v1/postings/{id}")
	Posting get(@PathVariable String id) {
		return this.service.get(id);
	}

	@PostMapping("/api/v1/postings/{id}/withdraw")
	Posting withdraw(@PathVariable String id) {
		return this.service.withdraw(id);
	}

}
