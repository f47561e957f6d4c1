package io.sunboard.server.report;

import org.springframework.web.bind.annotation.GetMapping;

import io.sunboard.server.posting.PostingService;
import io.sunboard.server.security.AccessPolicy;
import io.sunboard.server.security.Permission;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ProofOfPlayController {

	private final ProofOfPlayService service;

	private final PostingService postings;

	private final AccessPolicy access;

	ProofOfPlayController(ProofOfPlayService service, PostingService postings, AccessPolicy access) {
		this.service = service;
		this.postings = postings;
		this.access = access;
	}

	@GetMapping("/api/v1/postings/{id}/proof-of-play")
	ProofOfPlay proofOfPlay(@PathVariable String id) {
		this.access.require(Permission.READ, this.postings.get(id).schoolId());
		return this.service.forPosting(id);
	}

}
