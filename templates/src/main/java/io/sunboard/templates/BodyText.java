package io.sunboard.templates;

import java.util.Arrays;
import java.util.List;

/**
 * Splits a posting body into paragraphs of lines. Templates print each line as escaped
 * text with {@code <br>
 * } between lines, so line breaks survive without ever treating the body as markup.
 */
final class BodyText {

	private BodyText() {
	}

	/**
	 * Paragraphs are separated by blank lines; empty lines and edge spaces are dropped.
	 */
	static List<List<String>> paragraphs(String body) {
		if (body == null || body.isBlank()) {
			return List.of();
		}
		String normalized = body.replace("\r\n", "\n").replace('\r', '\n');
		return Arrays.stream(normalized.split("\n[ \t\u3000]*\n"))
			.map((paragraph) -> paragraph.lines().map(String::strip).filter((line) -> !line.isEmpty()).toList())
			.filter((lines) -> !lines.isEmpty())
			.toList();
	}

}
