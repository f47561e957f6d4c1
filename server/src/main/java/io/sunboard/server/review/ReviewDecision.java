package io.sunboard.server.review;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.sunboard.server.posting.DisclosureAttribute;

/**
 * A reviewer's decision. Approving records the confidentiality review (保密审查): its basis
 * and conclusion and the disclosure attribute (with a reason unless proactive). Rejecting
 * needs a reason.
 */
public record ReviewDecision(@NotNull(message = "decision is required: APPROVE or REJECT") Outcome decision,
		@Size(max = 500, message = "basis must be at most 500 characters") String basis,
		@Size(max = 500, message = "conclusion must be at most 500 characters") String conclusion,
		DisclosureAttribute attribute,
		@Size(max = 500, message = "attributeReason must be at most 500 characters") String attributeReason,
		@Size(max = 500, message = "reason must be at most 500 characters") String reason) {

	public enum Outcome {

		APPROVE, REJECT

	}

	/** What is missing for this decision, or null when it is complete. */
	String missing() {
		if (this.decision == Outcome.REJECT) {
			return blank(this.reason) ? "a rejection needs a reason the author can act on" : null;
		}
		if (blank(this.basis)) {
			return "approval needs the basis of the confidentiality review (e.g. the regulation applied)";
		}
		if (blank(this.conclusion)) {
			return "approval needs the conclusion of the confidentiality review";
		}
		if (this.attribute == null) {
			return "approval needs the disclosure attribute: PROACTIVE, ON_REQUEST, NOT_DISCLOSED or INTERNAL";
		}
		if (this.attribute.needsReason() && blank(this.attributeReason)) {
			return "the disclosure attribute " + this.attribute + " needs a reason";
		}
		return null;
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

}
