package io.sunboard.server.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sets the browser-protection headers on every response the server writes, whatever
 * controller, static file or error page produces it, before anything else runs. A servlet
 * filter rather than Spring Security's header settings, so a page added later (or a
 * second security filter chain) is covered without anyone remembering to opt in; Spring
 * Security's own header writers leave headers that are already set alone.
 */
public final class SecurityHeadersFilter extends OncePerRequestFilter {

	/**
	 * Scripts and styles only from files this server serves (no inline code, no
	 * {@code eval}), so injected markup cannot run; {@code connect-src 'self'} also
	 * admits same-origin {@code ws:}/{@code wss:} in current browsers (CSP Level 3).
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; "
			+ "form-action 'self'";

	/** One year; sent only on requests that arrived over TLS (RFC 6797 section 7.2). */
	static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		apply(request, response);
		chain.doFilter(request, response);
	}

	/**
	 * Sets the headers on a response written by a filter that answers before this one may
	 * have run (filters of the same order have no fixed sequence).
	 */
	public static void apply(HttpServletRequest request, HttpServletResponse response) {
		response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("X-Frame-Options", "DENY");
		response.setHeader("Referrer-Policy", "same-origin");
		response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
		response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
		if (request.isSecure()) {
			response.setHeader("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
		}
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		// an error page rendered on its own dispatch gets the headers as well
		return false;
	}

}
