package io.sunboard.server.device;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.sunboard.protocol.DeviceHttp;
import io.sunboard.server.security.AccessPolicy;
import io.sunboard.server.security.Permission;

/**
 * Self-registration: the screen's side under /device-api, the administrator's under /api.
 */
@RestController
class DeviceRegistrationController {

	private final DeviceRegistrations registrations;

	private final AccessPolicy access;

	DeviceRegistrationController(DeviceRegistrations registrations, AccessPolicy access) {
		this.registrations = registrations;
		this.access = access;
	}

	@PostMapping("/device-api/v1/registrations")
	@ResponseStatus(HttpStatus.CREATED)
	DeviceRegistrations.Requested request(@Valid @RequestBody RegistrationRequest request) {
		return this.registrations.request(request.schoolId(), request.name(),
				(request.profile() != null) ? request.profile() : "landscape");
	}

	@GetMapping("/device-api/v1/registrations/{id}")
	ResponseEntity<DeviceRegistrations.Poll> poll(@PathVariable String id,
			@RequestHeader(name = DeviceHttp.AUTHORIZATION, required = false) String authorization) {
		String token = (authorization != null && authorization.startsWith("Bearer "))
				? authorization.substring("Bearer ".length()) : null;
		return this.registrations.poll(id, token)
			.map(ResponseEntity::ok)
			.orElseGet(() -> ResponseEntity.status(HttpStatus.UNAUTHORIZED).build());
	}

	@GetMapping("/api/v1/registrations")
	List<DeviceRegistrations.Registration> pending() {
		return this.access.readable(this.registrations.pending(), DeviceRegistrations.Registration::schoolId);
	}

	@PostMapping("/api/v1/registrations/{id}/authorize")
	DeviceRegistrations.Registration authorize(@PathVariable String id, @Valid @RequestBody Authorization request) {
		this.access.require(Permission.MANAGE, this.registrations.get(id).schoolId());
		return this.registrations.authorize(id, request.deviceId(), request.name());
	}

	@PostMapping("/api/v1/registrations/{id}/reject")
	DeviceRegistrations.Registration reject(@PathVariable String id) {
		this.access.require(Permission.MANAGE, this.registrations.get(id).schoolId());
		return this.registrations.reject(id);
	}

	record RegistrationRequest(
			@NotBlank(message = "schoolId is required: the school code shown in the console") String schoolId,
			@NotBlank(message = "name is required") @Size(max = 200) String name,
			@Pattern(regexp = "landscape|portrait|kiosk",
					message = "profile must be landscape, portrait or kiosk") String profile) {

	}

	record Authorization(@NotBlank(message = "deviceId is required: the id the screen will use") String deviceId,
			String name) {

	}

}
