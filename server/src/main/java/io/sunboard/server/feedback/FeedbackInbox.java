package io.sunboard.server.feedback;

import java.util.List;
import java.util.Locale;

/**
 * One page of the inbox and the counts over the whole selection (every page).
 *
 * @param matching how many items the state filter selects, over all pages
 * @param page the page shown, 1 for the first
 */
public record FeedbackInbox(List<FeedbackView> items, Counts counts, State state, int page, int pages, int size,
		long matching) {

	/**
	 * @param unanswered open or assigned, not answered yet (overdue and due soon
	 * included)
	 */
	public record Counts(long all, long unanswered, long overdue, long dueSoon, long answered) {

	}

	/**
	 * Which items the inbox lists; the parameter value is the lower-case name with '-'.
	 */
	public enum State {

		ALL, UNANSWERED, OVERDUE, DUE_SOON, ANSWERED;

		public String param() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

		/** The state a request parameter names; none or an unknown one means all. */
		public static State fromParam(String value) {
			for (State s : values()) {
				if (s.param().equals(value)) {
					return s;
				}
			}
			return ALL;
		}

	}

}
