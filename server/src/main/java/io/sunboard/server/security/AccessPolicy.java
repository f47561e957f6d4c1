package io.sunboard.server.security;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import io.sunboard.server.school.School;
import io.sunboard.server.school.SchoolRepository;

/**
 * The one place that decides whether the signed-in account may do something at a school:
 * its role must grant the permission and its scope must cover the school. A school's
 * staff never see or touch another school's postings or screens.
 */
@Component
public class AccessPolicy {

	private final SchoolRepository schools;

	AccessPolicy(SchoolRepository schools) {
		this.schools = schools;
	}

	public SunboardUser currentUser() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !(auth.getPrincipal() instanceof SunboardUser user)) {
			throw new AccessDeniedException("sign in first");
		}
		return user;
	}

	/** Throws 403 unless the current account may do {@code permission} at the school. */
	public void require(Permission permission, String schoolId) {
		if (!allowed(permission, schoolId)) {
			SunboardUser user = currentUser();
			throw new AccessDeniedException("account '" + user.getUsername() + "' (" + user.role() + ") may not "
					+ permission.name().toLowerCase() + " at school '" + schoolId + "'");
		}
	}

	/**
	 * Throws 403 unless the current account may do {@code permission} in the whole
	 * region.
	 */
	public void requireRegion(Permission permission, String regionId) {
		if (!allowedInRegion(permission, regionId)) {
			throw new AccessDeniedException("account '" + currentUser().getUsername() + "' may not "
					+ permission.name().toLowerCase() + " in region '" + regionId + "'");
		}
	}

	/** Whether the current account may do {@code permission} in the whole region. */
	public boolean allowedInRegion(Permission permission, String regionId) {
		SunboardUser user = currentUser();
		Scope scope = user.scope();
		boolean covers = scope.type() == Scope.Type.ALL
				|| (scope.type() == Scope.Type.REGION && scope.id().equals(regionId));
		return permission.grantedTo(user.role()) && covers;
	}

	/**
	 * Throws 403 unless the current account has the permission everywhere (system
	 * administrator).
	 */
	public void requireEverywhere(Permission permission) {
		SunboardUser user = currentUser();
		if (!permission.grantedTo(user.role()) || user.scope().type() != Scope.Type.ALL) {
			throw new AccessDeniedException("only a system administrator may do this");
		}
	}

	/**
	 * Throws 403 unless the current account's role has the permission at some school, for
	 * actions that store nothing at any school (checking a CSV file before a posting
	 * exists).
	 */
	public void requireSomewhere(Permission permission) {
		SunboardUser user = currentUser();
		if (!permission.grantedTo(user.role())) {
			throw new AccessDeniedException("account '" + user.getUsername() + "' (" + user.role() + ") may not "
					+ permission.name().toLowerCase() + " anywhere");
		}
	}

	public boolean allowed(Permission permission, String schoolId) {
		SunboardUser user = currentUser();
		if (!permission.grantedTo(user.role())) {
			return false;
		}
		String regionId = this.schools.find(schoolId).map(School::regionId).orElse(null);
		return user.scope().covers(schoolId, regionId);
	}

	/** The items of {@code all} at schools the current account may read. */
	public <T> List<T> readable(Collection<T> all, Function<T, String> schoolOf) {
		SunboardUser user = currentUser();
		if (user.scope().type() == Scope.Type.ALL) {
			return List.copyOf(all);
		}
		return all.stream().filter((item) -> allowed(Permission.READ, schoolOf.apply(item))).toList();
	}

	/**
	 * Whether the current account may create an account with that scope (never wider than
	 * its own).
	 */
	public boolean mayGrant(Scope scope) {
		Scope own = currentUser().scope();
		return switch (own.type()) {
			case ALL -> true;
			case REGION ->
				(scope.type() == Scope.Type.REGION && own.id().equals(scope.id())) || (scope.type() == Scope.Type.SCHOOL
						&& this.schools.find(scope.id()).map((s) -> s.regionId().equals(own.id())).orElse(false));
			case SCHOOL -> scope.equals(own);
		};
	}

}
