package io.sunboard.server.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import io.sunboard.server.device.DeviceSecrets;
import io.sunboard.server.system.SunboardSettings;

/**
 * One administrator until accounts and roles arrive: the console uses form login, the
 * REST API HTTP Basic. Device endpoints check the device's own token. The password comes
 * from {@code sunboard.admin-password}, or is generated and printed at start-up.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

	static final String ADMIN = "admin";

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(
				(requests) -> requests.requestMatchers("/device-api/**", "/actuator/health", "/error", "/css/**")
					.permitAll()
					.anyRequest()
					.authenticated())
			.formLogin(Customizer.withDefaults())
			.httpBasic(Customizer.withDefaults())
			// the REST API is called with HTTP Basic, not a browser session, and device
			// calls carry tokens
			.csrf((csrf) -> csrf.ignoringRequestMatchers("/api/**", "/device-api/**"));
		return http.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	UserDetailsService users(SunboardSettings settings, PasswordEncoder encoder) {
		String password = settings.adminPassword();
		if (password == null || password.isBlank()) {
			password = DeviceSecrets.generate().substring(0, 16);
			log.warn(
					"\n\n    Console administrator: user '{}', password '{}'\n"
							+ "    (generated for this run; set sunboard.admin-password to choose one)\n",
					ADMIN, password);
		}
		return new InMemoryUserDetailsManager(
				User.withUsername(ADMIN).password(encoder.encode(password)).roles("ADMIN").build());
	}

}
