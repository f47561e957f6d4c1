package io.sunboard.server.console;

import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The console speaks zh-CN unless the person picks English with the language switch
 * ({@code ?lang=en}); the choice is kept in a cookie. The browser's Accept-Language is
 * deliberately not followed on pages: staff machines are often set up in English while
 * the office works in Chinese. The REST API still follows it.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleLocaleConfiguration implements WebMvcConfigurer {

	static final String PARAMETER = "lang";

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("sunboard-lang");
		resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
		// REST clients keep choosing the language of error messages with Accept-Language
		resolver.setDefaultLocaleFunction((request) -> (request.getRequestURI().startsWith("/api/")
				&& request.getHeader("Accept-Language") != null) ? request.getLocale() : Locale.SIMPLIFIED_CHINESE);
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName(PARAMETER);
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
	}

}
