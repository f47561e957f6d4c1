package io.sunboard.server.feedback;

import java.util.Locale;

/** What a visitor wants; each kind has its own reply deadline. */
public enum FeedbackKind {

	/** 咨询: a question. */
	CONSULTATION,
	/** 投诉: a complaint. */
	COMPLAINT,
	/** 建议: a suggestion. */
	SUGGESTION;

	/**
	 * The kind for a kiosk's category ({@code consultation}, {@code complaint},
	 * {@code suggestion}).
	 */
	static FeedbackKind fromCategory(String category) {
		return valueOf(category.toUpperCase(Locale.ROOT));
	}

}
