package io.sunboard.server.dashboard;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What the dashboard's WebSocket carries, both ways, as JSON. */
final class DashboardMessages {

	private DashboardMessages() {
	}

	/**
	 * Browser to server: show this page. Fields left out mean every school, every health,
	 * the first page, the default size.
	 */
	record ViewRequest(String type, String schoolId, String health, Integer page, Integer size) {

	}

	/**
	 * Everything the browser shows, sent on connect and when it asks for another view.
	 */
	record Snapshot(String type, DashboardView view, long total, List<ScreenRow> rows, List<SchoolCounts> counts,
			List<PublishProgress> progress, List<FeedbackItem> feedback) {

		Snapshot(DashboardView view, ScreenPage page, List<SchoolCounts> counts, List<PublishProgress> progress,
				List<FeedbackItem> feedback) {
			this("snapshot", view, page.total(), page.rows(), counts, progress, feedback);
		}

	}

	/**
	 * What changed since the last message; absent fields did not change.
	 *
	 * @param rows screens of the page whose line changed or that joined the page
	 * @param order the page's screen ids in order, when the page's membership or order
	 * changed
	 * @param counts schools whose counts changed
	 * @param removedSchools schools that have no screens any more
	 * @param progress the whole progress panel, when any of it changed
	 * @param feedback feedback that arrived, newest first
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Delta(String type, Long total, List<ScreenRow> rows, List<String> order, List<SchoolCounts> counts,
			List<String> removedSchools, List<PublishProgress> progress, List<FeedbackItem> feedback) {

		boolean isEmpty() {
			return this.total == null && this.rows == null && this.order == null && this.counts == null
					&& this.removedSchools == null && this.progress == null && this.feedback == null;
		}

	}

	/** A request the server refused, with a code the page translates. */
	record Refusal(String type, String code, String detail) {

		Refusal(String code, String detail) {
			this("error", code, detail);
		}

	}

}
