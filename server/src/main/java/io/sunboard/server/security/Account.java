package io.sunboard.server.security;

import java.time.Instant;

/** A person's login. The password hash never leaves the security package. */
public record Account(String id, String username, String displayName, Role role, Scope scope, boolean enabled,
		int failedLogins, Instant lockedUntil) {

	public boolean lockedAt(Instant now) {
		return this.lockedUntil != null && now.isBefore(this.lockedUntil);
	}

}
