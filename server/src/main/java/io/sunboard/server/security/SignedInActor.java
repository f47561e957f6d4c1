package io.sunboard.server.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import io.sunboard.server.system.Actor;

@Component
class SignedInActor implements Actor {

	@Override
	public String name() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return (auth != null && auth.isAuthenticated() && auth.getPrincipal() instanceof SunboardUser user)
				? user.getUsername() : SYSTEM;
	}

}
