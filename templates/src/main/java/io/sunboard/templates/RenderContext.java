package io.sunboard.templates;

import java.util.Locale;

/**
 * Where and for whom a posting is rendered.
 *
 * @param profile the screen profile
 * @param locale the reader's language; {@code null} means the zh-CN default
 * @param publicUrlTemplate the address of a posting's public page with
 * {@code {postingId}} in place of its id, e.g.
 * {@code https://gk.example.edu.cn/public/postings/{postingId}}; the page's QR code
 * points there. {@code null} when the caller has no public site: then no QR code.
 */
public record RenderContext(ScreenProfile profile, Locale locale, String publicUrlTemplate) {

	public RenderContext {
		if (profile == null) {
			throw new IllegalArgumentException("profile is required");
		}
		if (publicUrlTemplate != null && !publicUrlTemplate.contains("{postingId}")) {
			throw new IllegalArgumentException(
					"the public URL template must contain {postingId}; got " + publicUrlTemplate);
		}
	}

	public RenderContext(ScreenProfile profile, Locale locale) {
		this(profile, locale, null);
	}

	/** The posting's public page, or {@code null} without a public site. */
	public String publicUrl(String postingId) {
		return (this.publicUrlTemplate != null) ? this.publicUrlTemplate.replace("{postingId}", postingId) : null;
	}

}
