package io.sunboard.server.security;

/** What an account may do; where it may do it is its {@link Scope}. */
public enum Role {

	/**
	 * Manages schools, screens and accounts within its scope; may do everything staff do.
	 */
	DISTRICT_ADMIN,
	/** Drafts postings and schedules them at its school. */
	SCHOOL_EDITOR,
	/** Does the confidentiality review and approves or rejects postings. */
	REVIEWER,
	/** Reads everything in its scope, changes nothing. */
	AUDITOR;

	String authority() {
		return "ROLE_" + name();
	}

}
