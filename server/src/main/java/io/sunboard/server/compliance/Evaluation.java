package io.sunboard.server.compliance;

import java.util.List;

/**
 * The kiosks' "was this helpful?" answers, summarised.
 */
public record Evaluation(int year, List<Figure> bySchool, List<Figure> byPosting) {

	/**
	 * @param id school or posting id
	 * @param helpfulPercent share of "helpful" answers, one decimal; null without answers
	 */
	public record Figure(String id, String name, String schoolId, long helpful, long ratings, Double helpfulPercent) {

		static Figure of(String id, String name, String schoolId, long helpful, long ratings) {
			Double percent = (ratings == 0) ? null : Math.round(helpful * 1000.0 / ratings) / 10.0;
			return new Figure(id, name, schoolId, helpful, ratings, percent);
		}

	}

}
