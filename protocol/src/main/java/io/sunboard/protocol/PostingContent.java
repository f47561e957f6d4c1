package io.sunboard.protocol;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The content document of a posting, served over HTTP by its SHA-256 and rendered on the
 * screen by the templates module. Immutable: an edit makes a new document with a new
 * hash.
 * <p>
 * {@code fields} and {@code tables} hold a kind's structured body (a fee notice's basis
 * and complaint phone, an admission result table); which names a kind expects is data in
 * the templates module ({@code kinds.json}). Both are left out of the JSON when empty, so
 * attachments likewise. A general notice's document is byte for byte what schema 1 peers
 * have always written.
 */
public record PostingContent(int schema, String postingId, String kind, String title, String body,
		Instant publicityStart, Instant publicityEnd, String schoolName, String timeZone,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> fields,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) List<ContentTable> tables,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) List<Attachment> attachments) {

	public static final int SCHEMA = 1;

	public static final int MAX_FIELDS = 64;

	public static final int MAX_TABLES = 8;

	public PostingContent {
		Ids.require(postingId, "postingId");
		Checks.text(kind, "kind", 64);
		Checks.text(title, "title", 500);
		Checks.optionalText(body, "body", 200_000);
		Checks.present(publicityStart, "publicityStart");
		Checks.present(publicityEnd, "publicityEnd");
		Checks.optionalText(schoolName, "schoolName", 200);
		Checks.text(timeZone, "timeZone", 64);
		fields = checkedFields(fields);
		tables = Checks.list(tables, "tables", MAX_TABLES);
		attachments = Checks.list(attachments, "attachments", Attachment.MAX_PER_POSTING);
	}

	/** A document with fields and tables but no attachments. */
	public PostingContent(int schema, String postingId, String kind, String title, String body, Instant publicityStart,
			Instant publicityEnd, String schoolName, String timeZone, Map<String, String> fields,
			List<ContentTable> tables) {
		this(schema, postingId, kind, title, body, publicityStart, publicityEnd, schoolName, timeZone, fields, tables,
				List.of());
	}

	/** A document with a plain body only, as a general notice has. */
	public PostingContent(int schema, String postingId, String kind, String title, String body, Instant publicityStart,
			Instant publicityEnd, String schoolName, String timeZone) {
		this(schema, postingId, kind, title, body, publicityStart, publicityEnd, schoolName, timeZone, Map.of(),
				List.of(), List.of());
	}

	/** The field's text, or {@code null} when absent or blank. */
	public String field(String name) {
		String value = this.fields.get(name);
		return (value == null || value.isBlank()) ? null : value;
	}

	private static Map<String, String> checkedFields(Map<String, String> fields) {
		if (fields == null) {
			return Map.of();
		}
		if (fields.size() > MAX_FIELDS) {
			throw new IllegalArgumentException("fields holds at most " + MAX_FIELDS + " entries; got " + fields.size());
		}
		Map<String, String> sorted = new TreeMap<>();
		fields.forEach((name, value) -> {
			if (name == null || !name.matches("[A-Za-z][A-Za-z0-9]{0,63}")) {
				throw new IllegalArgumentException(
						"field names are 1-64 letters and digits starting with a letter; got " + name);
			}
			Checks.present(value, "field " + name);
			Checks.optionalText(value, "field " + name, 20_000);
			sorted.put(name, value);
		});
		return Collections.unmodifiableMap(sorted);
	}

}
