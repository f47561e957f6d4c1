package io.sunboard.server.console.posting;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the posting editor sends: the school's local date and time for the publicity
 * period, the kind's fields by name, and each table as CSV text (header line first).
 * Mutable because Spring binds form parameters to it.
 */
public class PostingForm {

	private String schoolId;

	private String kind;

	private String title;

	private String body;

	private String publicityStart;

	private String publicityEnd;

	private Map<String, String> fields = new LinkedHashMap<>();

	private Map<String, String> tables = new LinkedHashMap<>();

	public String getSchoolId() {
		return this.schoolId;
	}

	public void setSchoolId(String schoolId) {
		this.schoolId = schoolId;
	}

	public String getKind() {
		return this.kind;
	}

	public void setKind(String kind) {
		this.kind = kind;
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getBody() {
		return this.body;
	}

	public void setBody(String body) {
		this.body = body;
	}

	public String getPublicityStart() {
		return this.publicityStart;
	}

	public void setPublicityStart(String publicityStart) {
		this.publicityStart = publicityStart;
	}

	public String getPublicityEnd() {
		return this.publicityEnd;
	}

	public void setPublicityEnd(String publicityEnd) {
		this.publicityEnd = publicityEnd;
	}

	public Map<String, String> getFields() {
		return this.fields;
	}

	public void setFields(Map<String, String> fields) {
		this.fields = fields;
	}

	public Map<String, String> getTables() {
		return this.tables;
	}

	public void setTables(Map<String, String> tables) {
		this.tables = tables;
	}

}
