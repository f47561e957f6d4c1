package io.sunboard.server.device;

import java.util.List;
import java.util.Map;

import io.sunboard.server.security.AccessPolicy;
import io.sunboard.server.security.Permission;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class DeviceApiController {

	private final DeviceRepository devices;

	private final DeviceStateRepository states;

	private final DeviceRegistry registry;

	private final AccessPolicy access;

	DeviceApiController(DeviceRepository devices, DeviceStateRepository states, DeviceRegistry registry,
			AccessPolicy access) {
		this.devices = devices;
		this.registry = registry;
		this.access = access;
		this.states = states;
	}

	/** Registers a screen; the answer holds its secret, which is not shown again. */
	@PostMapping("/api/v1/devices")
	@ResponseStatus(HttpStatus.CREATED)
	DeviceCredentials register(@Valid @RequestBody NewDevice request) {
		this.access.require(Permission.MANAGE, request.schoolId());
		return this.registry.register(request.id(), request.schoolId(), request.name(),
				(request.profile() != null) ? request.profile() : "landscape");
	}

	@GetMapping("/api/v1/devices")
	List<DeviceView> list() {
		Map<String, DeviceState> byId = this.states.findAll();
		return this.access.readable(this.devices.findAll(), Device::schoolId)
			.stream()
			.map((d) -> new DeviceView(d, byId.get(d.id())))
			.toList();
	}

	record NewDevice(@NotBlank(message = "id is required") String id,
			@NotBlank(message = "schoolId is required") String schoolId,
			@NotBlank(message = "name is required") String name, @Pattern(regexp = "landscape|portrait|kiosk",
					message = "profile must be landscape, portrait or kiosk") String profile) {

	}

	/** A screen with what it last reported. */
	record DeviceView(Device device, DeviceState state) {

	}

}
