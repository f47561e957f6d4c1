package io.sunboard.server.command;

import io.sunboard.server.device.DeviceRegistry;
import io.sunboard.server.security.AccessPolicy;
import io.sunboard.server.security.Permission;

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

	private final DeviceRegistry devices;

	private final AccessPolicy access;

	DeviceCommandController(DeviceCommandService service, DeviceCommandRepository repository, DeviceRegistry devices,
			AccessPolicy access) {
		this.service = service;
		this.repository = repository;
		this.devices = devices;
		this.access = access;
	}

	private void require(Permission permission, String deviceId) {
		this.access.require(permission, this.devices.get(deviceId).schoolId());
	}

	@PostMapping("/api/v1/devices/{deviceId}/commands")
	@ResponseStatus(HttpStatus.CREATED)
	DeviceCommand issue(@PathVariable String deviceId, @Valid @RequestBody NewCommand request, Principal principal) {
		require(Permission.MANAGE, deviceId);
		return this.service.issue(deviceId, request.name(), request.ttlSeconds(), principal.getName());
	}

	@GetMapping("/api/v1/devices/{deviceId}/commands")
	List<DeviceCommand> recent(@PathVariable String deviceId) {
		require(Permission.READ, deviceId);
		return this.service.recent(deviceId);
	}

	@GetMapping("/api/v1/commands/{commandId}")
	DeviceCommand command(@PathVariable String commandId) {
		DeviceCommand command = this.service.find(commandId)
			.orElseThrow(() -> new NotFoundException("No command with id " + commandId));
		require(Permission.READ, command.deviceId());
		return command;
	}

	/** The screen's latest screenshot as a PNG. */
	@GetMapping("/api/v1/devices/{deviceId}/screenshot")
	ResponseEntity<byte[]> screenshot(@PathVariable String deviceId) {
		require(Permission.READ, deviceId);
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
