package io.sunboard.templates;

import java.util.Locale;

/** The screens Sunboard renders for; each has its own CSS class and type scale. */
public enum ScreenProfile {

	/** Lobby screen mounted horizontally. */
	LANDSCAPE(1920, 1080, 6),
	/** Lobby screen mounted vertically. */
	PORTRAIT(1080, 1920, 12),
	/** Touch kiosk that parents use. */
	KIOSK(1920, 1080, 6);

	private final int width;

	private final int height;

	private final int tableRowsPerPage;

	ScreenProfile(int width, int height, int tableRowsPerPage) {
		this.width = width;
		this.height = height;
		this.tableRowsPerPage = tableRowsPerPage;
	}

	/**
	 * Table rows on one page: what fits beside the fields at this profile's type size and
	 * stays readable from a few metres away.
	 */
	public int tableRowsPerPage() {
		return this.tableRowsPerPage;
	}

	public int width() {
		return this.width;
	}

	public int height() {
		return this.height;
	}

	/**
	 * The class the stylesheet sizes type and layout by, e.g. {@code profile-portrait}.
	 */
	public String cssClass() {
		return "profile-" + name().toLowerCase(Locale.ROOT);
	}

}
