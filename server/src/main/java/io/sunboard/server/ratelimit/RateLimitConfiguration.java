package io.sunboard.server.ratelimit;

import java.time.Clock;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Registers the HTTP limits as a servlet filter ahead of Spring Security, so a refused
 * request costs no session lookup and no password hash, and every route under
 * {@code /public/**} is covered whoever adds it.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

	/** After the security headers (so a 429 carries them too), before Spring Security. */
	static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

	@Bean
	FilterRegistrationBean<HttpRateLimitFilter> httpRateLimitFilter(RateLimitSettings settings,
			RateLimitMetrics metrics, MessageSource messages, LocaleResolver localeResolver, Clock clock) {
		FilterRegistrationBean<HttpRateLimitFilter> registration = new FilterRegistrationBean<>(
				new HttpRateLimitFilter(settings, metrics, messages, localeResolver, clock));
		registration.setOrder(ORDER);
		registration.addUrlPatterns("/*");
		return registration;
	}

}
