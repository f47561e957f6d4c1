package io.sunboard.server.school;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.sunboard.server.audit.AuditLog;
import io.sunboard.server.security.AccessPolicy;
import io.sunboard.server.security.Permission;
import io.sunboard.server.system.NotFoundException;

@RestController
class SchoolApiController {

	private final SchoolRepository schools;

	private final AccessPolicy access;

	private final AuditLog audit;

	SchoolApiController(SchoolRepository schools, AccessPolicy access, AuditLog audit) {
		this.schools = schools;
		this.access = access;
		this.audit = audit;
	}

	@PostMapping("/api/v1/regions")
	@ResponseStatus(HttpStatus.CREATED)
	NewRegion createRegion(@Valid @RequestBody NewRegion region) {
		this.access.requireEverywhere(Permission.MANAGE);
		if (this.schools.regionExists(region.id())) {
			throw new IllegalArgumentException("region '" + region.id() + "' exists already");
		}
		this.schools.createRegion(region.id(), region.name());
		this.audit.record("region.created", null, region.id(), region.name());
		return region;
	}

	@PostMapping("/api/v1/schools")
	@ResponseStatus(HttpStatus.CREATED)
	School createSchool(@Valid @RequestBody NewSchool request) {
		this.access.requireRegion(Permission.MANAGE, request.regionId());
		if (!this.schools.regionExists(request.regionId())) {
			throw new NotFoundException("no region '" + request.regionId() + "'; create it first");
		}
		if (this.schools.find(request.id()).isPresent()) {
			throw new IllegalArgumentException("school '" + request.id() + "' exists already");
		}
		School school = new School(request.id(), request.regionId(), request.name(), zone(request.timeZone()));
		this.schools.create(school);
		this.audit.record("school.created", school.id(), school.id(), school.name());
		return school;
	}

	@GetMapping("/api/v1/schools")
	List<School> list() {
		return this.access.readable(this.schools.findAll(), School::id);
	}

	private static ZoneId zone(String id) {
		if (id == null || id.isBlank()) {
			return ZoneId.of("Asia/Shanghai");
		}
		try {
			return ZoneId.of(id);
		}
		catch (DateTimeException ex) {
			throw new IllegalArgumentException("timeZone must be a region id such as Asia/Shanghai; got '" + id + "'");
		}
	}

	record NewRegion(@NotBlank(message = "id is required") String id,
			@NotBlank(message = "name is required") String name) {

	}

	record NewSchool(@NotBlank(message = "id is required") String id,
			@NotBlank(message = "regionId is required") String regionId,
			@NotBlank(message = "name is required") String name, String timeZone) {

	}

}
