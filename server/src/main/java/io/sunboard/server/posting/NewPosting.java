package io.sunboard.server.posting;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.sunboard.protocol.ContentTable;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What staff submit to create or edit a posting; {@code kind} defaults to a general
 * notice.
 */
public record NewPosting(@NotBlank(message = "schoolId is required: the school whose screens show it") String schoolId,
		@Pattern(regexp = "[a-z][a-z0-9-]{0,31}",
				message = "kind must be a posting kind id such as general or fee-notice") String kind,
		@NotBlank(message = "title is required") @Size(max = 200,
				message = "title must be at most 200 characters") String title,
		@Size(max = 20000, message = "body must be at most 20000 characters") String body,
		@NotNull(
				message = "publicityStart is required (ISO-8601 instant, e.g. 2026-11-23T00:00:00Z)") Instant publicityStart,
		@NotNull(message = "publicityEnd is required (ISO-8601 instant)") Instant publicityEnd,
		Map<String, String> fields, List<ContentTable> tables) {

	/** A notice with a body only, as most callers write it. */
	public NewPosting(String schoolId, String kind, String title, String body, Instant publicityStart,
			Instant publicityEnd) {
		this(schoolId, kind, title, body, publicityStart, publicityEnd, null, null);
	}

}
