package io.sunboard.kiosk;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds user-visible text written into the player's pages and scripts instead of taken
 * from the message bundles. Deliberately simple patterns over the source, checked against
 * examples in {@code TouchTextTests}, so a new way of writing text onto the screen has to
 * be added here consciously.
 */
final class HardCodedText {

	/** A non-empty string literal in single or double quotes. */
	private static final String LITERAL = "(['\"])(?:(?!\\1)[^\\\\]|\\\\.)+\\1";

	private static final List<Pattern> SCRIPT_RULES = List.of(
			// any literal holding Chinese characters
			Pattern.compile("(['\"])(?:(?!\\1).)*\\p{IsHan}(?:(?!\\1).)*\\1"),
			// a literal put where the screen shows it
			Pattern.compile("\\.(?:textContent|innerText|innerHTML|placeholder|title|alt)\\s*=\\s*" + LITERAL),
			Pattern.compile("setAttribute\\(\\s*['\"](?:aria-label|title|alt|placeholder)['\"]\\s*,\\s*" + LITERAL),
			Pattern.compile("createTextNode\\(\\s*" + LITERAL),
			// the page's own helpers: element(tag, class, text) and button(class, text,
			// action)
			Pattern.compile("\\belement\\(\\s*" + LITERAL + "\\s*,\\s*(?:" + LITERAL + "|''|\"\")\\s*,\\s*" + LITERAL),
			Pattern.compile("\\bbutton\\(\\s*(?:" + LITERAL + "|''|\"\")\\s*,\\s*" + LITERAL));

	private static final Pattern HTML_TEXT_ATTRIBUTE = Pattern
		.compile("\\s(?:alt|title|placeholder|aria-label)\\s*=\\s*\"(?!\\{\\{)[^\"]+\"");

	private HardCodedText() {
	}

	/** Offending snippets of a script, comments left out. */
	static List<String> inScript(String source) {
		String code = source.replaceAll("(?s)/\\*.*?\\*/", "")
			.replaceAll("(?m)^\\s*//.*$", "")
			.replaceAll("(?m)\\s//\\s.*$", "");
		List<String> found = new ArrayList<>();
		for (Pattern rule : SCRIPT_RULES) {
			Matcher matcher = rule.matcher(code);
			while (matcher.find()) {
				found.add(matcher.group());
			}
		}
		return found;
	}

	/**
	 * Offending text of an HTML page: text between tags other than a {@code {{…}}}
	 * placeholder the server fills from the bundles, and literal text attributes.
	 */
	static List<String> inHtml(String source) {
		List<String> found = new ArrayList<>();
		String withoutComments = source.replaceAll("(?s)<!--.*?-->", "");
		String text = withoutComments.replaceAll("(?is)<!DOCTYPE[^>]*>", "")
			.replaceAll("(?s)<[^>]*>", "\n")
			.replaceAll("\\{\\{[a-zA-Z]+\\}\\}", "");
		for (String line : text.split("\n")) {
			if (!line.isBlank()) {
				found.add(line.strip());
			}
		}
		Matcher attributes = HTML_TEXT_ATTRIBUTE.matcher(withoutComments);
		while (attributes.find()) {
			found.add(attributes.group().strip());
		}
		return found;
	}

}
