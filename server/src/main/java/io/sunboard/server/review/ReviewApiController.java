package io.sunboard.server.review;

import java.util.List;

import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.sunboard.server.posting.Posting;
import io.sunboard.server.posting.PostingService;
import io.sunboard.server.security.AccessPolicy;
import io.sunboard.server.security.Permission;

@RestController
class ReviewApiController {

	private final ReviewService reviews;

	private final PostingService postings;

	private final AccessPolicy access;

	ReviewApiController(ReviewService reviews, PostingService postings, AccessPolicy access) {
		this.reviews = reviews;
		this.postings = postings;
		this.access = access;
	}

	@PostMapping("/api/v1/postings/{id}/submit")
	Posting submit(@PathVariable String id) {
		this.access.require(Permission.EDIT, this.postings.get(id).schoolId());
		return this.reviews.submit(id);
	}

	@PostMapping("/api/v1/postings/{id}/review")
	Review review(@PathVariable String id, @Valid @RequestBody ReviewDecision decision) {
		this.access.require(Permission.REVIEW, this.postings.get(id).schoolId());
		return this.reviews.decide(id, decision);
	}

	@GetMapping("/api/v1/postings/{id}/reviews")
	List<Review> history(@PathVariable String id) {
		this.access.require(Permission.READ, this.postings.get(id).schoolId());
		return this.reviews.history(id);
	}

}
