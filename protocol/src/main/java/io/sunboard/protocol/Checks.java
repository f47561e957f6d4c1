package io.sunboard.protocol;

import java.util.List;
import java.util.Objects;

/**
 * Argument checks for message records; their messages name the field and what is
 * expected.
 */
final class Checks {

	private Checks() {
	}

	static <T> T present(T value, String field) {
		if (value == null) {
			throw new IllegalArgumentException(field + " is required");
		}
		return value;
	}

	static String text(String value, String field, int maxLength) {
		present(value, field);
		if (value.isBlank() || value.length() > maxLength) {
			throw new IllegalArgumentException(field + " must be 1-" + maxLength + " characters");
		}
		return value;
	}

	static String optionalText(String value, String field, int maxLength) {
		if (value != null && value.length() > maxLength) {
			throw new IllegalArgumentException(field + " must be at most " + maxLength + " characters");
		}
		return value;
	}

	static long nonNegative(long value, String field) {
		if (value < 0) {
			throw new IllegalArgumentException(field + " must be zero or more; got " + value);
		}
		return value;
	}

	static <T> List<T> list(List<T> values, String field, int max) {
		if (values == null) {
			return List.of();
		}
		if (values.size() > max) {
			throw new IllegalArgumentException(field + " holds at most " + max + " entries; got " + values.size());
		}
		if (values.stream().anyMatch(Objects::isNull)) {
			throw new IllegalArgumentException(field + " must not contain null entries");
		}
		return List.copyOf(values);
	}

}
