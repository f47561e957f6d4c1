package io.sunboard.server.report;

/**
 * The SQL condition that restricts rows of a table with {@code device_id} and
 * {@code posting_id} columns to a report's subject, bound as {@code :subject}. Written so
 * the database can use the (posting, device, bucket) key or the (device, bucket) index.
 */
final class ReportFilter {

	private ReportFilter() {
	}

	static String condition(ReportQuery.Subject subject, String alias) {
		String a = alias.isEmpty() ? "" : alias + ".";
		return switch (subject) {
			case POSTING -> a + "posting_id = :subject";
			case DEVICE -> a + "device_id = :subject";
			case SCHOOL -> a + "device_id in (select id from device where school_id = :subject)";
			case REGION -> a + "device_id in (select d.id from device d join school s on s.id = d.school_id"
					+ " where s.region_id = :subject)";
		};
	}

}
