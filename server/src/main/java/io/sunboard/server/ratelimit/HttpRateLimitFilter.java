package io.sunboard.server.ratelimit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Per client address: requests to the public pages ({@code /public/**}), and sign-in form
 * posts ({@code POST /login}). Over the limit the answer is 429 with {@code Retry-After},
 * before any page is rendered or password hashed. The address is the connection's peer;
 * behind a reverse proxy set {@code server.forward-headers-strategy=native} so it is the
 * visitor's (see docs/security.md).
 */
final class HttpRateLimitFilter extends OncePerRequestFilter {

	private static final String REGISTRATIONS = "/device-api/v1/registrations";

	private final SlidingWindowLimiter publicPages;

	private final SlidingWindowLimiter logins;

	private final SlidingWindowLimiter registrations;

	private final RateLimitMetrics metrics;

	private final MessageSource messages;

	private final LocaleResolver locales;

	HttpRateLimitFilter(RateLimitSettings settings, RateLimitMetrics metrics, MessageSource messages,
			LocaleResolver locales, Clock clock) {
		this.publicPages = new SlidingWindowLimiter(settings.publicPerMinute(), Duration.ofMinutes(1),
				settings.maxKeys(), clock);
		this.logins = new SlidingWindowLimiter(settings.loginPerMinute(), Duration.ofMinutes(1), settings.maxKeys(),
				clock);
		this.registrations = new SlidingWindowLimiter(settings.loginPerMinute(), Duration.ofMinutes(1),
				settings.maxKeys(), clock);
		this.metrics = metrics;
		this.messages = messages;
		this.locales = locales;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String limit = null;
		SlidingWindowLimiter limiter = null;
		if (path.equals("/public") || path.startsWith("/public/")) {
			limit = "public";
			limiter = this.publicPages;
		}
		else if (path.equals("/login") && "POST".equals(request.getMethod())) {
			limit = "login";
			limiter = this.logins;
		}
		else if (path.equals(REGISTRATIONS) && "POST".equals(request.getMethod())) {
			// anyone may ask to register a screen; an address may not flood the queue
			limit = "registration";
			limiter = this.registrations;
		}
		if (limiter != null) {
			SlidingWindowLimiter.Decision decision = limiter.tryAcquire(request.getRemoteAddr());
			if (!decision.allowed()) {
				refuse(request, response, limit, decision.retryAfterSeconds());
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, String limit, long seconds)
			throws IOException {
		this.metrics.rejected(limit, 1);
		String text = this.messages.getMessage("ratelimit.too-many", new Object[] { Long.toString(seconds) },
				this.locales.resolveLocale(request));
		response.setStatus(429);
		response.setHeader("Retry-After", Long.toString(seconds));
		response.setHeader("Cache-Control", "no-store");
		response.setContentType("text/plain;charset=UTF-8");
		response.getOutputStream().write((text + "\n").getBytes(StandardCharsets.UTF_8));
	}

}
