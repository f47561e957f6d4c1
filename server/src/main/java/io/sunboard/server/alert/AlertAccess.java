package io.sunboard.server.alert;

import org.springframework.stereotype.Component;

import io.sunboard.server.security.AccessPolicy;
import io.sunboard.server.security.Permission;

/**
 * Who may raise and clear alerts where, the same for the API and the console: a school's
 * editors and administrators alert their school; a region needs district-wide rights.
 */
@Component
class AlertAccess {

	private final AccessPolicy access;

	AlertAccess(AccessPolicy access) {
		this.access = access;
	}

	/** Throws 403 unless the current account may alert that school or region. */
	void require(AlertScope scope, String targetId) {
		if (scope == AlertScope.SCHOOL) {
			this.access.require(Permission.EDIT, targetId);
		}
		else {
			this.access.requireRegion(Permission.EDIT, targetId);
		}
	}

	boolean allowed(AlertScope scope, String targetId) {
		return (scope == AlertScope.SCHOOL) ? this.access.allowed(Permission.EDIT, targetId)
				: this.access.allowedInRegion(Permission.EDIT, targetId);
	}

}
