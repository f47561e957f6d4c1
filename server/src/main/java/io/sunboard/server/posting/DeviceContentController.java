package io.sunboard.server.posting;

import java.time.Duration;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.sunboard.protocol.DeviceHttp;
import io.sunboard.protocol.Sha256;
import io.sunboard.server.device.DeviceRegistry;

/**
 * Content documents by SHA-256 for screens that present their token
 * ({@code Bearer id:secret}). Immutable, so a screen or a proxy may cache them for good.
 */
@RestController
class DeviceContentController {

	private final ContentStore contents;

	private final DeviceRegistry registry;

	DeviceContentController(ContentStore contents, DeviceRegistry registry) {
		this.contents = contents;
		this.registry = registry;
	}

	@GetMapping(DeviceHttp.CONTENT_PREFIX + "{sha256}")
	ResponseEntity<byte[]> content(@PathVariable String sha256,
			@RequestHeader(name = DeviceHttp.AUTHORIZATION, required = false) String authorization) {
		if (!authenticated(authorization)) {
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
				.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"sunboard-devices\"")
				.build();
		}
		if (!Sha256.isValid(sha256)) {
			return ResponseEntity.badRequest().build();
		}
		return this.contents.get(sha256)
			.map((c) -> ResponseEntity.ok()
				.contentType(MediaType.parseMediaType(c.mediaType()))
				.cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePrivate().immutable())
				.body(c.bytes()))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

	private boolean authenticated(String authorization) {
		if (authorization == null || !authorization.startsWith("Bearer ")) {
			return false;
		}
		String token = authorization.substring("Bearer ".length());
		int colon = token.indexOf(':');
		if (colon <= 0) {
			return false;
		}
		return this.registry.authenticate(token.substring(0, colon), token.substring(colon + 1)).isPresent();
	}

}
