package io.sunboard.server.tableimport;

import java.util.regex.Pattern;

/**
 * A column an imported table must have, matched by its header text.
 *
 * @param pattern what a non-empty value must look like, or null for any text
 * @param hint how to describe a valid value in an error, e.g. "digits only"
 */
public record TableColumn(String header, boolean required, int maxLength, Pattern pattern, String hint) {

	public static TableColumn required(String header, int maxLength) {
		return new TableColumn(header, true, maxLength, null, null);
	}

	public static TableColumn optional(String header, int maxLength) {
		return new TableColumn(header, false, maxLength, null, null);
	}

	public TableColumn matching(String regex, String hint) {
		return new TableColumn(this.header, this.required, this.maxLength, Pattern.compile(regex), hint);
	}

}
