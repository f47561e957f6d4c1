package io.sunboard.server.console.posting;

import java.util.Locale;

import org.springframework.stereotype.Component;

import io.sunboard.protocol.PostingContent;
import io.sunboard.server.posting.Posting;
import io.sunboard.templates.ScreenProfile;

/** A saved posting rendered as its screens show it, for other console pages. */
@Component
public class StoredPostingPreview {

	private final PostingDrafts drafts;

	private final PostingPreview preview;

	StoredPostingPreview(PostingDrafts drafts, PostingPreview preview) {
		this.drafts = drafts;
		this.preview = preview;
	}

	/** A standalone page at the profile's size; empty when there is no content yet. */
	public String page(Posting posting, ScreenProfile profile, Locale locale, String contextPath) {
		PostingContent content = this.drafts.content(posting);
		return (content != null) ? this.preview.page(content, profile, locale, contextPath) : "";
	}

}
