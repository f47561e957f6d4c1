package io.sunboard.server.command;

import java.time.Clock;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.sunboard.protocol.DeviceHttp;

/**
 * The server's clock for screens, which report their offset from it in the heartbeat: a
 * screen without a real-time clock or NTP drifts, and its proof-of-play times with it.
 */
@RestController
class DeviceTimeController {

	private final Clock clock;

	DeviceTimeController(Clock clock) {
		this.clock = clock;
	}

	@GetMapping(DeviceHttp.TIME_PATH)
	ResponseEntity<Map<String, String>> now() {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(Map.of("now", this.clock.instant().toString()));
	}

}
