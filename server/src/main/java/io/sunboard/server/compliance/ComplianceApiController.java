package io.sunboard.server.compliance;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.http.MediaType;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.sunboard.server.audit.AuditLog;
import io.sunboard.server.posting.Posting;
import io.sunboard.server.posting.PostingService;
import io.sunboard.server.school.SchoolRepository;
import io.sunboard.server.security.AccessPolicy;
import io.sunboard.server.security.Permission;
import io.sunboard.server.system.NotFoundException;

@RestController
class ComplianceApiController {

	private final ComplianceService compliance;

	private final EvaluationService evaluations;

	private final CatalogueService catalogues;

	private final DisclosedPostings disclosed;

	private final PostingService postings;

	private final SchoolSelection selection;

	private final SchoolRepository schools;

	private final AccessPolicy access;

	private final AuditLog audit;

	private final Clock clock;

	ComplianceApiController(ComplianceService compliance, EvaluationService evaluations, CatalogueService catalogues,
			DisclosedPostings disclosed, PostingService postings, SchoolSelection selection, SchoolRepository schools,
			AccessPolicy access, AuditLog audit, Clock clock) {
		this.compliance = compliance;
		this.evaluations = evaluations;
		this.catalogues = catalogues;
		this.disclosed = disclosed;
		this.postings = postings;
		this.selection = selection;
		this.schools = schools;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	@GetMapping("/api/v1/compliance")
	ComplianceReport compliance(@RequestParam(required = false) String regionId,
			@RequestParam(required = false) String schoolId, @RequestParam(required = false) Integer year) {
		return this.compliance.report(this.selection.resolve(regionId, schoolId, false).schools(),
				Years.resolve(year, this.clock));
	}

	@GetMapping("/api/v1/evaluations")
	Evaluation evaluations(@RequestParam(required = false) String regionId,
			@RequestParam(required = false) String schoolId, @RequestParam(required = false) Integer year) {
		return this.evaluations.forYear(this.selection.resolve(regionId, schoolId, false).schools(),
				Years.resolve(year, this.clock));
	}

	@GetMapping("/api/v1/compliance/catalogue/{schoolId}")
	Catalogue catalogue(@PathVariable String schoolId) {
		this.access.require(Permission.READ, existing(schoolId));
		return this.catalogues.forSchool(schoolId);
	}

	@PutMapping(path = "/api/v1/compliance/catalogue/{schoolId}", consumes = MediaType.APPLICATION_JSON_VALUE)
	Catalogue replaceCatalogue(@PathVariable String schoolId, @RequestBody(required = false) String body) {
		this.access.require(Permission.MANAGE, existing(schoolId));
		return this.catalogues.replace(schoolId, this.catalogues.parseRequest(body));
	}

	@DeleteMapping("/api/v1/compliance/catalogue/{schoolId}")
	Catalogue resetCatalogue(@PathVariable String schoolId) {
		this.access.require(Permission.MANAGE, existing(schoolId));
		return this.catalogues.reset(schoolId);
	}

	/**
	 * The date the posting's information was formed or changed (for the 20-working-day
	 * rule); null clears it. Kept apart from the posting editor so it does not send an
	 * approved posting back to review.
	 */
	@PutMapping("/api/v1/postings/{id}/information-formed-on")
	@Transactional
	InformationFormedOn informationFormedOn(@PathVariable String id, @RequestBody InformationFormedOn request) {
		Posting posting = this.postings.get(id);
		this.access.require(Permission.EDIT, posting.schoolId());
		if (request.informationFormedOn() != null
				&& request.informationFormedOn().isAfter(LocalDate.now(this.clock).plusDays(1))) {
			throw new IllegalArgumentException("informationFormedOn " + request.informationFormedOn()
					+ " is in the future; give the day the information was formed or changed");
		}
		this.disclosed.recordInformationFormedOn(id, request.informationFormedOn());
		this.audit.record("posting.information-formed-on", posting.schoolId(), id,
				String.valueOf(request.informationFormedOn()));
		return new InformationFormedOn(request.informationFormedOn());
	}

	private String existing(String schoolId) {
		return this.schools.find(schoolId)
			.orElseThrow(() -> new NotFoundException("no school '" + schoolId + "'"))
			.id();
	}

	/** When the posting's information was formed or last changed. */
	record InformationFormedOn(LocalDate informationFormedOn) {

	}

}
