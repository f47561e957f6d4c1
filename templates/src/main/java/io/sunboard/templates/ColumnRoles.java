package io.sunboard.templates;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Recognises what a table column holds from its header, which comes from a person or a
 * spreadsheet ("学生姓名", "Name", "语文成绩"). A header containing any word of a role belongs to
 * it, so "家庭住址" is an address and "语文成绩" a score.
 */
public record ColumnRoles(Map<String, List<String>> words) {

	public static final String NAME = "name";

	public static final String ADDRESS = "address";

	public static final String PHONE = "phone";

	public static final String SCORE = "score";

	public ColumnRoles {
		words = (words != null) ? Map.copyOf(words) : Map.of();
	}

	public boolean is(String role, String column) {
		String normalized = normalize(column);
		return this.words.getOrDefault(role, List.of())
			.stream()
			.anyMatch((word) -> normalized.contains(normalize(word)));
	}

	static String normalize(String text) {
		return (text == null) ? "" : text.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]+", " ");
	}

}
