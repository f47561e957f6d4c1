package io.sunboard.server.dispatch;

import java.time.Duration;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.sunboard.server.security.AccessPolicy;
import io.sunboard.server.security.Permission;
import io.sunboard.server.device.DeviceRepository;
import io.sunboard.server.system.NotFoundException;

/** What a screen is showing now and next, from the manifest it was last sent. */
@RestController
class NowAndNextController {

	static final int MAX_HOURS = 168;

	private final DeviceRepository devices;

	private final ScreenOutlook outlook;

	private final AccessPolicy access;

	NowAndNextController(DeviceRepository devices, ScreenOutlook outlook, AccessPolicy access) {
		this.access = access;
		this.devices = devices;
		this.outlook = outlook;
	}

	@GetMapping("/api/v1/devices/{id}/now-and-next")
	NowAndNext nowAndNext(@PathVariable String id, @RequestParam(defaultValue = "6") int hours) {
		if (hours < 1 || hours > MAX_HOURS) {
			throw new IllegalArgumentException(
					"hours must be 1-" + MAX_HOURS + " (manifests reach about a week ahead)");
		}
		var device = this.devices.find(id)
			.orElseThrow(() -> new NotFoundException("no screen '" + id + "'; list them with GET /api/v1/devices"));
		this.access.require(Permission.READ, device.schoolId());
		return this.outlook.nowAndNext(id, Duration.ofHours(hours));
	}

}
