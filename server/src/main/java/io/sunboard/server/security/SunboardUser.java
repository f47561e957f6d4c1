package io.sunboard.server.security;

import java.time.Clock;
import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in person: their account (role and scope) as Spring Security sees it. */
public final class SunboardUser implements UserDetails {

	private final Account account;

	private final String passwordHash;

	private final boolean locked;

	SunboardUser(Account account, String passwordHash, Clock clock) {
		this.account = account;
		this.passwordHash = passwordHash;
		this.locked = account.lockedAt(clock.instant());
	}

	public Account account() {
		return this.account;
	}

	public Role role() {
		return this.account.role();
	}

	public Scope scope() {
		return this.account.scope();
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority(this.account.role().authority()));
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.account.username();
	}

	@Override
	public boolean isAccountNonLocked() {
		return !this.locked;
	}

	@Override
	public boolean isEnabled() {
		return this.account.enabled();
	}

}
