package io.sunboard.server.command;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.sunboard.protocol.DeviceHttp;
import io.sunboard.server.device.Device;
import io.sunboard.server.device.DeviceRegistry;

/**
 * Screens upload the PNG a screenshot command asked for. Only the screen the command was
 * sent to, only for a screenshot command, only a PNG within the size limit; each refusal
 * is counted in {@code sunboard.screenshots.rejected{reason}}.
 */
@RestController
class ScreenshotUploadController {

	private static final Logger log = LoggerFactory.getLogger(ScreenshotUploadController.class);

	private static final byte[] PNG_MAGIC = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	private final DeviceRegistry registry;

	private final DeviceCommandRepository commands;

	private final MeterRegistry meters;

	private final Clock clock;

	ScreenshotUploadController(DeviceRegistry registry, DeviceCommandRepository commands, MeterRegistry meters,
			Clock clock) {
		this.registry = registry;
		this.commands = commands;
		this.meters = meters;
		this.clock = clock;
	}

	@PutMapping(DeviceHttp.SCREENSHOT_PREFIX + "{commandId}")
	ResponseEntity<String> upload(@PathVariable String commandId,
			@RequestHeader(name = DeviceHttp.AUTHORIZATION, required = false) String authorization, InputStream body)
			throws IOException {
		Optional<Device> device = this.registry.authenticateBearer(authorization);
		if (device.isEmpty()) {
			return refuse("unauthorized", HttpStatus.UNAUTHORIZED, "present the screen's Bearer id:secret token");
		}
		Optional<DeviceCommand> command = this.commands.find(commandId)
			.filter((c) -> c.deviceId().equals(device.get().id()));
		if (command.isEmpty()) {
			return refuse("unknown_command", HttpStatus.NOT_FOUND,
					"no command " + commandId + " was sent to screen " + device.get().id());
		}
		if (!"screenshot".equals(command.get().name())) {
			return refuse("not_screenshot", HttpStatus.CONFLICT,
					"command " + commandId + " is a " + command.get().name() + " command, not a screenshot");
		}
		byte[] png = body.readNBytes(DeviceHttp.MAX_SCREENSHOT_BYTES + 1);
		if (png.length > DeviceHttp.MAX_SCREENSHOT_BYTES) {
			return refuse("too_large", HttpStatus.PAYLOAD_TOO_LARGE,
					"screenshots are limited to " + DeviceHttp.MAX_SCREENSHOT_BYTES + " bytes");
		}
		if (png.length < PNG_MAGIC.length || !Arrays.equals(png, 0, PNG_MAGIC.length, PNG_MAGIC, 0, PNG_MAGIC.length)) {
			return refuse("not_png", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "upload the screenshot as a PNG image");
		}
		boolean stored = this.commands.insertScreenshot(commandId, device.get().id(), png, this.clock.instant());
		this.meters.counter("sunboard.screenshots.received", "result", stored ? "stored" : "duplicate").increment();
		log.info("Screenshot for command {} from {} ({} bytes{})", commandId, device.get().id(), png.length,
				stored ? "" : ", a repeat: kept the first");
		return ResponseEntity.status(stored ? HttpStatus.CREATED : HttpStatus.OK).build();
	}

	private ResponseEntity<String> refuse(String reason, HttpStatus status, String detail) {
		this.meters.counter("sunboard.screenshots.rejected", "reason", reason).increment();
		log.warn("Refused a screenshot upload ({}): {}", reason, detail);
		ResponseEntity.BodyBuilder answer = ResponseEntity.status(status);
		if (status == HttpStatus.UNAUTHORIZED) {
			answer.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"sunboard-devices\"");
		}
		return answer.body(detail + "\n");
	}

}
