package io.sunboard.server.feedback;

import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.sunboard.protocol.DeviceHttp;
import io.sunboard.protocol.JsonCodec;
import io.sunboard.protocol.PublishedReply;
import io.sunboard.server.device.Device;
import io.sunboard.server.device.DeviceRegistry;
import io.sunboard.templates.Masking;

/**
 * The replies a school published, for its kiosks to show ({@code Bearer id:secret}, like
 * content downloads): a screen sees only its own school's. Encoded with the protocol's
 * codec, the same one the kiosk decodes with.
 */
@RestController
class KioskRepliesController {

	private final FeedbackService service;

	private final DeviceRegistry registry;

	private final JsonCodec codec;

	KioskRepliesController(FeedbackService service, DeviceRegistry registry, JsonCodec codec) {
		this.service = service;
		this.registry = registry;
		this.codec = codec;
	}

	@GetMapping(DeviceHttp.FEEDBACK_REPLIES_PATH)
	ResponseEntity<byte[]> replies(
			@RequestHeader(name = DeviceHttp.AUTHORIZATION, required = false) String authorization) {
		Optional<Device> device = this.registry.authenticateBearer(authorization);
		if (device.isEmpty()) {
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
				.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"sunboard-devices\"")
				.build();
		}
		List<PublishedReply> replies = this.service.publishedReplies(device.get().schoolId())
			.stream()
			.map((i) -> new PublishedReply(i.id(), i.kind().name(), i.postingId(), Masking.text(i.text()), i.reply(),
					i.repliedAt()))
			.toList();
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(this.codec.encode(replies));
	}

}
