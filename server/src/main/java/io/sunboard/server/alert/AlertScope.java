package io.sunboard.server.alert;

import java.util.Locale;

/** Whom an alert reaches: the screens of one school, or of every school of a region. */
public enum AlertScope {

	SCHOOL, REGION;

	static AlertScope parse(String text) {
		if (text != null) {
			for (AlertScope scope : values()) {
				if (scope.name().equalsIgnoreCase(text.strip())) {
					return scope;
				}
			}
		}
		throw new IllegalArgumentException("scope must be school or region; got '" + text + "'");
	}

	String label() {
		return name().toLowerCase(Locale.ROOT);
	}

}
