package io.sunboard.server.alert;

import java.util.Locale;

/** Whom an alert reaches: the screens of one school, or of every school of a region. */
public enum AlertScope {

	SCHOOL, REGION;

	static AlertScope parse(String text) {
		AlertScope scope = find(text);
		if (scope == null) {
			throw new IllegalArgumentException("scope must be school or region; got '" + text + "'");
		}
		return scope;
	}

	/** The scope named {@code text} (any case), or null; for forms, which say why. */
	static AlertScope find(String text) {
		if (text != null) {
			for (AlertScope scope : values()) {
				if (scope.name().equalsIgnoreCase(text.strip())) {
					return scope;
				}
			}
		}
		return null;
	}

	String label() {
		return name().toLowerCase(Locale.ROOT);
	}

}
