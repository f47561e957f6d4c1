package io.sunboard.server.console.posting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import io.sunboard.protocol.ContentTable;
import io.sunboard.protocol.PostingContent;
import io.sunboard.server.console.ConsoleForms;
import io.sunboard.server.posting.NewPosting;
import io.sunboard.server.school.School;
import io.sunboard.templates.KindCatalog;
import io.sunboard.templates.PostingRenderer;
import io.sunboard.templates.ScreenProfile;

/**
 * Renders what the editor holds with the screens' own templates, as a whole page at the
 * profile's resolution for the editor's preview frames. Unfinished drafts still preview:
 * a missing title or date shows a placeholder rather than an error.
 */
@Component
class PostingPreview {

	static final String PREVIEW_ID = "p-preview";

	/**
	 * The console's own renderer: the same templates and kinds as the screens, without a
	 * public site (so no QR code in previews).
	 */
	private final PostingRenderer renderer;

	private final String stylesheet;

	private final Clock clock;

	PostingPreview(KindCatalog kinds, Clock clock) {
		this.renderer = new PostingRenderer(kinds);
		this.clock = clock;
		this.stylesheet = this.renderer.stylesheet() + "\n" + profileRules();
	}

	String stylesheet() {
		return this.stylesheet;
	}

	/** A standalone page: the fragment on a body of the profile's size. */
	String page(NewPosting draft, List<ContentTable> tables, School school, ScreenProfile profile, Locale locale,
			String contextPath) {
		Instant now = this.clock.instant();
		Instant start = Objects.requireNonNullElse(draft.publicityStart(), now);
		Instant end = Objects.requireNonNullElse(draft.publicityEnd(), start.plus(Duration.ofDays(30)));
		String title = Objects.requireNonNullElse(ConsoleForms.blankToNull(draft.title()), "…");
		PostingContent content = new PostingContent(PostingContent.SCHEMA, PREVIEW_ID, draft.kind(), title,
				draft.body(), start, end, school.name(), school.timeZone().getId(), draft.fields(), tables);
		return page(content, profile, locale, contextPath);
	}

	/** A stored content document as a standalone page. */
	String page(PostingContent content, ScreenProfile profile, Locale locale, String contextPath) {
		String fragment = this.renderer.renderPosting(content, profile, locale);
		return "<!DOCTYPE html><html lang=\"" + HtmlUtils.htmlEscape(locale.toLanguageTag())
				+ "\"><head><meta charset=\"UTF-8\"><link rel=\"stylesheet\" href=\"" + contextPath
				+ "/console/preview.css\"></head><body class=\"preview preview-"
				+ profile.name().toLowerCase(Locale.ROOT) + "\">" + fragment + "</body></html>";
	}

	/**
	 * Each profile's page is exactly its screen's resolution; the console scales the
	 * frame.
	 */
	private static String profileRules() {
		StringBuilder css = new StringBuilder("html, body.preview { margin: 0; overflow: hidden; }\n");
		for (ScreenProfile profile : ScreenProfile.values()) {
			css.append("body.preview-")
				.append(profile.name().toLowerCase(Locale.ROOT))
				.append(" { width: ")
				.append(profile.width())
				.append("px; height: ")
				.append(profile.height())
				.append("px; }\n");
		}
		return css.toString();
	}

}
