package io.sunboard.server.publicpage;

import java.net.URI;

import org.springframework.stereotype.Component;

import io.sunboard.server.system.SunboardSettings;

/**
 * Public addresses of postings and schools: the QR code on every page the server renders
 * (public page, print) points at {@link #postingUrlTemplate()}.
 */
@Component
public class PublicLinks {

	private final String base;

	PublicLinks(PublicPageSettings settings, SunboardSettings sunboard) {
		URI uri = (settings.baseUrl() != null) ? settings.baseUrl() : sunboard.publicUrl();
		if (uri == null) {
			throw new IllegalStateException(
					"set sunboard.public-pages.base-url (or sunboard.public-url) to the address parents use,"
							+ " e.g. https://gk.example.edu.cn: QR codes point there");
		}
		String text = uri.toString();
		this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
	}

	/** For {@code RenderContext}: the public page with {@code {postingId}}. */
	public String postingUrlTemplate() {
		return this.base + "/public/postings/{postingId}";
	}

	public String postingUrl(String postingId) {
		return this.base + "/public/postings/" + postingId;
	}

	public String schoolUrl(String schoolId) {
		return this.base + "/public/schools/" + schoolId;
	}

	public String feedUrl(String schoolId) {
		return schoolUrl(schoolId) + "/feed.atom";
	}

}
