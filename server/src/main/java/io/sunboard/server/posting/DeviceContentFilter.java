package io.sunboard.server.posting;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;

import io.sunboard.protocol.DeviceHttp;
import io.sunboard.protocol.Sha256;
import io.sunboard.server.device.Device;
import io.sunboard.server.device.DeviceRegistry;
import io.sunboard.server.dispatch.ManifestReferences;
import io.sunboard.server.security.SecurityHeadersFilter;

/**
 * Content documents by SHA-256 for screens that present their token
 * ({@code Bearer id:secret}). Immutable, so a screen or a proxy may cache them for good.
 *
 * <p>
 * A servlet filter answering ahead of Spring MVC and Spring Security's filter chain, not
 * a controller: a fan-out makes every screen of a region fetch at once, and as a
 * controller four fifths of each request's CPU went to the framework around the three
 * lines that do the work (docs/scaling.md). The checks are the ones the controller made:
 * the token of an active screen, a well-formed hash, and a document the screen's current
 * manifest references. Counted in {@value #REQUESTS} by outcome, since these requests no
 * longer reach the {@code http.server.requests} observation.
 */
final class DeviceContentFilter extends HttpFilter {

	static final String REQUESTS = "sunboard.device.content.requests";

	private static final String CACHE_CONTROL = CacheControl.maxAge(Duration.ofDays(365))
		.cachePrivate()
		.immutable()
		.getHeaderValue();

	private final ContentStore contents;

	private final DeviceRegistry registry;

	private final ManifestReferences references;

	private final Counter served;

	private final Counter unauthorized;

	private final Counter malformed;

	private final Counter notFound;

	DeviceContentFilter(ContentStore contents, DeviceRegistry registry, ManifestReferences references,
			MeterRegistry meters) {
		this.contents = contents;
		this.registry = registry;
		this.references = references;
		this.served = counter(meters, "served");
		this.unauthorized = counter(meters, "unauthorized");
		this.malformed = counter(meters, "malformed");
		this.notFound = counter(meters, "not-found");
	}

	private static Counter counter(MeterRegistry meters, String outcome) {
		return Counter.builder(REQUESTS)
			.description("content documents screens asked for, by outcome")
			.tag("outcome", outcome)
			.register(meters);
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		SecurityHeadersFilter.apply(request, response);
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		boolean head = "HEAD".equals(request.getMethod());
		if (!head && !"GET".equals(request.getMethod())) {
			this.malformed.increment();
			response.setHeader(HttpHeaders.ALLOW, "GET, HEAD");
			refuse(response, 405, "Content documents are only read: use GET.");
			return;
		}
		String deviceId = this.registry.authenticateBearer(request.getHeader(DeviceHttp.AUTHORIZATION))
			.map(Device::id)
			.orElse(null);
		if (deviceId == null) {
			this.unauthorized.increment();
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"sunboard-devices\"");
			refuse(response, 401, "Send the screen's token: Authorization: Bearer <device id>:<secret>.");
			return;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String sha256 = path.substring(Math.min(path.length(), DeviceHttp.CONTENT_PREFIX.length()));
		if (!Sha256.isValid(sha256)) {
			this.malformed.increment();
			refuse(response, 400, "The path must end in a content document's SHA-256: 64 lower-case hex digits.");
			return;
		}
		// the same answer for a hash this screen may not read as for one nobody stored:
		// existence is not revealed
		Optional<ContentStore.Content> content = this.references.mayFetch(deviceId, sha256) ? this.contents.get(sha256)
				: Optional.empty();
		if (content.isEmpty()) {
			this.notFound.increment();
			refuse(response, 404, "No such document in this screen's manifest; fetch the current manifest first.");
			return;
		}
		this.served.increment();
		byte[] bytes = content.get().bytes();
		response.setStatus(200);
		response.setHeader(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
		response.setContentType(content.get().mediaType());
		response.setContentLength(bytes.length);
		if (!head) {
			response.getOutputStream().write(bytes);
		}
	}

	private static void refuse(HttpServletResponse response, int status, String reason) throws IOException {
		byte[] body = (reason + "\n").getBytes(StandardCharsets.UTF_8);
		response.setStatus(status);
		response.setContentType("text/plain;charset=UTF-8");
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

}
