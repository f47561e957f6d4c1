package io.sunboard.templates;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Message bundle lookups outside a template: validation messages and labels. Numbers are
 * passed as strings so a line number reads 5000, not 5,000.
 */
final class Messages {

	private final ResourceBundle bundle;

	private final Locale locale;

	Messages(Locale locale) {
		this.locale = (locale != null) ? locale : Locale.SIMPLIFIED_CHINESE;
		this.bundle = BundleMessageResolver.bundle(this.locale);
	}

	String get(String key, Object... arguments) {
		String pattern = this.bundle.containsKey(key) ? this.bundle.getString(key) : key;
		if (arguments.length == 0) {
			return pattern;
		}
		Object[] texts = new Object[arguments.length];
		for (int i = 0; i < arguments.length; i++) {
			texts[i] = String.valueOf(arguments[i]);
		}
		return new MessageFormat(pattern, this.locale).format(texts);
	}

	/** A label such as {@code kind.fee-notice}, or the bare name when no label exists. */
	String label(String prefix, String name) {
		String key = prefix + "." + name;
		return this.bundle.containsKey(key) ? this.bundle.getString(key) : name;
	}

}
