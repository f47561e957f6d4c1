package io.sunboard.server.command;

import java.security.Principal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.sunboard.server.system.NotFoundException;

/** Staff send commands to a screen and look at what it answered and showed. */
@RestController
class DeviceCommandController {

	private final DeviceCommandService service;

	private final DeviceCommandRepository repository;

	DeviceCommandController(DeviceCommandService service, DeviceCommandRepository repository) {
		this.service = service;
		this.repository = repository;
	}

	@PostMapping("/api/v1/devices/{deviceId}/commands")
	@ResponseStatus(HttpStatus.CREATED)
	DeviceCommand issue(@PathVariable String deviceId, @Valid @RequestBody NewCommand request, Principal principal) {
		return this.service.issue(deviceId, request.name(), request.ttlSeconds(), principal.getName());
	}

	@GetMapping("/api/v1/devices/{deviceId}/commands")
	List<DeviceCommand> recent(@PathVariable String deviceId) {
		return this.service.recent(deviceId);
	}

	@GetMapping("/api/v1/commands/{commandId}")
	DeviceCommand command(@PathVariable String commandId) {
		return this.service.find(commandId).orElseThrow(() -> new NotFoundException("No command with id " + commandId));
	}

	/** The screen's latest screenshot as a PNG. */
	@GetMapping("/api/v1/devices/{deviceId}/screenshot")
	ResponseEntity<byte[]> screenshot(@PathVariable String deviceId) {
		DeviceCommandRepository.Screenshot shot = this.repository.latestScreenshot(deviceId)
			.orElseThrow(() -> new NotFoundException("Screen " + deviceId
					+ " has no screenshot yet; send it a screenshot command and wait for its answer"));
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_PNG)
			.cacheControl(CacheControl.noStore())
			.header("X-Screenshot-Command", shot.commandId())
			.header("X-Screenshot-Taken-At", shot.takenAt().toString())
			.body(shot.png());
	}

	record NewCommand(@NotBlank(message = "name is required: refresh, resync, identify or screenshot") String name,
			@NotNull(
					message = "ttlSeconds is required: how long the screen may still act on the command") Integer ttlSeconds) {

	}

}
