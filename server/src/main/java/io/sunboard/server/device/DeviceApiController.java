package io.sunboard.server.device;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.sunboard.protocol.Topics;
import io.sunboard.server.publicpage.PublicLinks;
import io.sunboard.server.security.AccessPolicy;
import io.sunboard.server.security.Permission;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class DeviceApiController {

	private final DeviceRepository devices;

	private final DeviceStateRepository states;

	private final DeviceRegistry registry;

	private final AccessPolicy access;

	private final ProvisioningSettings provisioning;

	private final PublicLinks links;

	private final Topics topics;

	private final DeviceTagging tagging;

	DeviceApiController(DeviceRepository devices, DeviceStateRepository states, DeviceRegistry registry,
			AccessPolicy access, ProvisioningSettings provisioning, DeviceTagging tagging, Topics topics,
			PublicLinks links) {
		this.links = links;
		this.provisioning = provisioning;
		this.topics = topics;
		this.devices = devices;
		this.tagging = tagging;
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

	/** A new secret and the screen's configuration file; the old secret stops working. */
	@PostMapping("/api/v1/devices/{id}/provision")
	ResponseEntity<String> provision(@PathVariable String id) {
		Device device = this.registry.get(id);
		this.access.require(Permission.MANAGE, device.schoolId());
		DeviceCredentials credentials = this.registry.rotate(id);
		return ResponseEntity.ok()
			.contentType(MediaType.TEXT_PLAIN)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + id + ".properties\"")
			.body(DeviceBundle.properties(device, credentials, this.provisioning, this.topics, this.links));
	}

	@PostMapping("/api/v1/devices/{id}/revoke")
	ResponseEntity<Void> revoke(@PathVariable String id) {
		this.access.require(Permission.MANAGE, this.registry.get(id).schoolId());
		this.registry.revoke(id);
		return ResponseEntity.noContent().build();
	}

	@PutMapping("/api/v1/devices/{id}")
	Device rename(@PathVariable String id, @RequestBody Map<String, String> body) {
		this.access.require(Permission.MANAGE, this.registry.get(id).schoolId());
		this.registry.rename(id, body.get("name"));
		return this.registry.get(id);
	}

	@GetMapping("/api/v1/devices")
	List<DeviceView> list() {
		Map<String, DeviceState> byId = this.states.findAll();
		return this.access.readable(this.devices.findAll(), Device::schoolId)
			.stream()
			.map((d) -> new DeviceView(d, byId.get(d.id())))
			.toList();
	}

	/**
	 * Replaces a screen's tags; schedule entries with a GROUP target select screens by
	 * tag.
	 */
	@PutMapping("/api/v1/devices/{id}/tags")
	Set<String> tags(@PathVariable String id, @Valid @RequestBody Tags request) {
		this.access.require(Permission.MANAGE, this.registry.get(id).schoolId());
		return this.tagging.replace(id, request.tags());
	}

	record Tags(@NotNull(message = "tags is required: a list such as [\"lobby\"]") @Size(max = 20,
			message = "a screen has at most 20 tags") Set<@Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_.\\-]{0,63}",
					message = "a tag is 1-64 letters, digits, '-', '_' or '.', such as lobby") String> tags) {

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
