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
			.csrf((csrf) -> csrf.ignoringRequestMatchers(SecurityConfiguration::apiCallWithoutSessionCredentials));
		return http.build();
	}

	/**
	 * The session cookie is the one credential a browser adds by itself, so a page on
	 * another site could make a signed-in secretary's browser post to the API with it: an
	 * API call on a session needs the CSRF token, as a console form does. REST clients
	 * send HTTP Basic with every call (which another site cannot make a browser add) and
	 * need none; a call with neither is refused by authentication (401), not here.
	 */
	private static boolean apiCallWithoutSessionCredentials(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/api/")
				&& (request.getHeader(HttpHeaders.AUTHORIZATION) != null || request.getRequestedSessionId() == null);
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
