package io.sunboard.server.dispatch;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.sunboard.protocol.JsonCodec;
import io.sunboard.protocol.Manifest;
import io.sunboard.server.security.AccessPolicy;
import io.sunboard.server.security.Permission;
import io.sunboard.protocol.MalformedMessageException;
import io.sunboard.server.device.DeviceRepository;
import io.sunboard.server.system.NotFoundException;

/** What a screen is showing now and next, from the manifest it was last sent. */
@RestController
class NowAndNextController {

	static final int MAX_HOURS = 168;

	private final DeviceRepository devices;

	private final DeviceManifestRepository manifests;

	private final JsonCodec codec;

	private final AccessPolicy access;

	private final Clock clock;

	NowAndNextController(DeviceRepository devices, DeviceManifestRepository manifests, JsonCodec codec,
			AccessPolicy access, Clock clock) {
		this.access = access;
		this.devices = devices;
		this.manifests = manifests;
		this.codec = codec;
		this.clock = clock;
	}

	@GetMapping("/api/v1/devices/{id}/now-and-next")
	NowAndNext nowAndNext(@PathVariable String id, @RequestParam(defaultValue = "6") int hours)
			throws MalformedMessageException {
		if (hours < 1 || hours > MAX_HOURS) {
			throw new IllegalArgumentException(
					"hours must be 1-" + MAX_HOURS + " (manifests reach about a week ahead)");
		}
		var device = this.devices.find(id)
			.orElseThrow(() -> new NotFoundException("no screen '" + id + "'; list them with GET /api/v1/devices"));
		this.access.require(Permission.READ, device.schoolId());
		Manifest manifest = null;
		var stored = this.manifests.find(id);
		if (stored.isPresent()) {
			manifest = this.codec.decode(stored.get().payload().getBytes(StandardCharsets.UTF_8), Manifest.class);
		}
		Instant now = this.clock.instant();
		return NowAndNext.of(id, manifest, now, now.plus(Duration.ofHours(hours)));
	}

}
