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
import io.sunboard.server.dispatch.ManifestReferences;

/**
 * Content documents by SHA-256 for screens that present their token
 * ({@code Bearer id:secret}). Immutable, so a screen or a proxy may cache them for good.
 */
@RestController
class DeviceContentController {

	private final ContentStore contents;

	private final DeviceRegistry registry;

	private final ManifestReferences references;

	DeviceContentController(ContentStore contents, DeviceRegistry registry, ManifestReferences references) {
		this.contents = contents;
		this.registry = registry;
		this.references = references;
	}

	@GetMapping(DeviceHttp.CONTENT_PREFIX + "{sha256}")
	ResponseEntity<byte[]> content(@PathVariable String sha256,
			@RequestHeader(name = DeviceHttp.AUTHORIZATION, required = false) String authorization) {
		String deviceId = authenticated(authorization);
		if (deviceId == null) {
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
				.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"sunboard-devices\"")
				.build();
		}
		if (!Sha256.isValid(sha256)) {
			return ResponseEntity.badRequest().build();
		}
		if (!this.references.mayFetch(deviceId, sha256)) {
			// the same answer as for a hash nobody stored: existence is not revealed
			return ResponseEntity.notFound().build();
		}
		return this.contents.get(sha256)
			.map((c) -> ResponseEntity.ok()
				.contentType(MediaType.parseMediaType(c.mediaType()))
				.cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePrivate().immutable())
				.body(c.bytes()))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

	/** The screen the token belongs to, or {@code null}. */
	private String authenticated(String authorization) {
		if (authorization == null || !authorization.startsWith("Bearer ")) {
			return null;
		}
		String token = authorization.substring("Bearer ".length());
		int colon = token.indexOf(':');
		if (colon <= 0) {
			return null;
		}
		String deviceId = token.substring(0, colon);
		return this.registry.authenticate(deviceId, token.substring(colon + 1)).isPresent() ? deviceId : null;
	}

}
