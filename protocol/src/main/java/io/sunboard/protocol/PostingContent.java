package io.sunboard.protocol;

import java.time.Instant;

/**
 * The content document of a posting, served over HTTP by its SHA-256 and rendered on the
 * screen by the templates module. Immutable: an edit makes a new document with a new
 * hash.
 */
public record PostingContent(int schema, String postingId, String kind, String title, String body,
		Instant publicityStart, Instant publicityEnd, String schoolName, String timeZone) {

	public static final int SCHEMA = 1;

	public PostingContent {
		Ids.require(postingId, "postingId");
		Checks.text(kind, "kind", 64);
		Checks.text(title, "title", 500);
		Checks.optionalText(body, "body", 200_000);
		Checks.present(publicityStart, "publicityStart");
		Checks.present(publicityEnd, "publicityEnd");
		Checks.optionalText(schoolName, "schoolName", 200);
		Checks.text(timeZone, "timeZone", 64);
	}

}
