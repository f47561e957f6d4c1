package io.sunboard.server.report;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ProofOfPlayController {

	private final ProofOfPlayService service;

	ProofOfPlayController(ProofOfPlayService service) {
		this.service = service;
	}

	@GetMapping("/api/v1/postings/{id}/proof-of-play")
	ProofOfPlay proofOfPlay(@PathVariable String id) {
		return this.service.forPosting(id);
	}

}
