package io.sunboard.protocol;

import java.time.Instant;

/**
 * Emergency override, retained on a school's or region's alert topic; clearing publishes
 * an empty payload.
 */
public record Alert(String id, String text, Instant issuedAt) {

	public Alert {
		Ids.require(id, "alert.id");
		Checks.text(text, "alert.text", 2000);
		Checks.present(issuedAt, "alert.issuedAt");
	}

}
