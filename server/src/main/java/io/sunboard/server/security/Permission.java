package io.sunboard.server.security;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a request wants to do at a school; each role is granted some of these inside its
 * scope.
 */
public enum Permission {

	/** See postings, screens, schedules and reports. */
	READ(EnumSet.allOf(Role.class)),
	/** Draft, schedule and withdraw postings. */
	EDIT(EnumSet.of(Role.DISTRICT_ADMIN, Role.SCHOOL_EDITOR)),
	/** Review and approve postings. */
	REVIEW(EnumSet.of(Role.DISTRICT_ADMIN, Role.REVIEWER)),
	/** Create schools, register and manage screens, create accounts. */
	MANAGE(EnumSet.of(Role.DISTRICT_ADMIN));

	private final Set<Role> roles;

	Permission(Set<Role> roles) {
		this.roles = roles;
	}

	boolean grantedTo(Role role) {
		return this.roles.contains(role);
	}

}
