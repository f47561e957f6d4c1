package io.sunboard.server.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Staff sign in with their accounts: form login for the console, HTTP Basic for the REST
 * API. Screens do not use accounts: their endpoints check the device's own token.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/**
	 * Screens' endpoints check the device token themselves and keep no session, so they
	 * get a chain without sessions, CSRF, request cache, anonymous user or login pages:
	 * when a fan-out makes every screen download at once, those filters were half the
	 * cost of each request (docs/benchmarks.md). Security headers still apply.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain deviceApiFilterChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/device-api/**")
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
			.anonymous((anonymous) -> anonymous.disable())
			.securityContext((context) -> context.disable())
			.logout((logout) -> logout.disable());
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/device-api/**", "/actuator/health", "/error", "/css/**", "/login", "/favicon.ico")
			.permitAll()
			// public pages of postings (the QR code's target), school lists and feeds: no
			// login
			.requestMatchers("/public/**")
			.permitAll()
			// metrics and the rest of Actuator: system administrators only
			.requestMatchers("/actuator/**")
			.access((authentication, context) -> new AuthorizationDecision(
					authentication.get().getPrincipal() instanceof SunboardUser user
							&& user.role() == Role.DISTRICT_ADMIN && user.scope().type() == Scope.Type.ALL))
			.anyRequest()
			.authenticated())
			.formLogin(Customizer.withDefaults())
			.httpBasic(Customizer.withDefaults())
			.csrf((csrf) -> csrf.ignoringRequestMatchers(SecurityConfiguration::apiCallWithCredentials));
		return http.build();
	}

	/**
	 * REST clients send HTTP Basic credentials with every call, which a page on another
	 * site cannot make a browser add: those need no CSRF token. An API call that rides on
	 * a console session's cookie does need one, as a console form does; otherwise any
	 * site a signed-in secretary visits could post to the API in her name.
	 */
	private static boolean apiCallWithCredentials(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/api/")
				&& request.getHeader(HttpHeaders.AUTHORIZATION) != null;
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		// bcrypt by default, with the algorithm recorded in each hash so it can be
		// upgraded later
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
		// publishes failures and successes for LoginAttempts
		return new DefaultAuthenticationEventPublisher(publisher);
	}

}
