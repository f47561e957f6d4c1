package io.sunboard.server.demo;

import java.util.function.Supplier;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Seeds demo content as the demo's own staff, so authorship, the four-eyes rule on
 * high-risk kinds and the audit log read as they would in a real school.
 */
final class RunAs {

	private final UserDetailsService users;

	RunAs(UserDetailsService users) {
		this.users = users;
	}

	<T> T as(String username, Supplier<T> work) {
		UserDetails user = this.users.loadUserByUsername(username);
		var previous = SecurityContextHolder.getContext();
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

}
