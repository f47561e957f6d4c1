package io.sunboard.templates;

import java.util.Map;

/**
 * Which template renders which posting kind. Kinds without a template of their own (and
 * kinds this build does not know yet) use {@code posting/general}, so a newer server
 * never leaves an older screen blank.
 */
final class PostingKinds {

	static final String GENERAL = "posting/general";

	private final Map<String, String> templates;

	PostingKinds(Map<String, String> templates) {
		this.templates = Map.copyOf(templates);
	}

	static PostingKinds standard() {
		return new PostingKinds(Map.of("general", GENERAL));
	}

	String templateFor(String kind) {
		return this.templates.getOrDefault(kind, GENERAL);
	}

}
