package io.sunboard.server.console.posting;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import io.sunboard.protocol.PostingContent;
import io.sunboard.server.console.ConsolePage;
import io.sunboard.server.posting.Posting;
import io.sunboard.server.posting.PostingService;
import io.sunboard.server.school.School;
import io.sunboard.server.school.SchoolRepository;
import io.sunboard.server.security.AccessPolicy;
import io.sunboard.server.security.Permission;
import io.sunboard.server.system.NotFoundException;
import io.sunboard.templates.KindCatalog;
import io.sunboard.templates.ScreenProfile;

/**
 * Previews in the screens' own templates: of what the editor holds (posted as the author
 * types), of a saved posting, and the stylesheet both use.
 */
@Controller
@ConsolePage
class PostingPreviewController {

	private final PostingService postings;

	private final SchoolRepository schools;

	private final KindCatalog kinds;

	private final PostingDrafts drafts;

	private final PostingPreview preview;

	private final AccessPolicy access;

	PostingPreviewController(PostingService postings, SchoolRepository schools, KindCatalog kinds, PostingDrafts drafts,
			PostingPreview preview, AccessPolicy access) {
		this.postings = postings;
		this.schools = schools;
		this.kinds = kinds;
		this.drafts = drafts;
		this.preview = preview;
		this.access = access;
	}

	/**
	 * The editor's content as a whole page in one profile, for the preview frames; the
	 * editor's script posts the form here as the author types.
	 */
	@PostMapping(path = "/console/postings/preview", produces = MediaType.TEXT_HTML_VALUE)
	@ResponseBody
	String preview(@ModelAttribute("form") PostingForm form, @RequestParam(defaultValue = "landscape") String profile,
			Locale locale, HttpServletRequest request) {
		if (form.getSchoolId() == null) {
			throw new IllegalArgumentException("schoolId is required: the school whose screens show the posting");
		}
		School school = this.schools.find(form.getSchoolId())
			.orElseThrow(() -> new NotFoundException("no school '" + form.getSchoolId() + "'"));
		this.access.require(Permission.READ, school.id());
		ScreenProfile screen = profile(profile);
		if (form.getKind() == null || this.kinds.find(form.getKind()).isEmpty()) {
			form.setKind(KindCatalog.GENERAL);
		}
		PostingDrafts.Draft draft;
		try {
			draft = this.drafts.toRequest(form, school, locale);
		}
		catch (IllegalArgumentException ex) {
			// an unfinished date: preview without it
			form.setPublicityStart(null);
			form.setPublicityEnd(null);
			draft = this.drafts.toRequest(form, school, locale);
		}
		return this.preview.page(draft.request(), draft.request().tables(), school, screen, locale,
				request.getContextPath());
	}

	/**
	 * A saved posting as its screens show it, e.g. to open one profile in its own tab.
	 */
	@GetMapping(path = "/console/postings/{id}/preview", produces = MediaType.TEXT_HTML_VALUE)
	@ResponseBody
	String storedPreview(@PathVariable String id, @RequestParam(defaultValue = "landscape") String profile,
			Locale locale, HttpServletRequest request) {
		Posting posting = this.postings.get(id);
		this.access.require(Permission.READ, posting.schoolId());
		PostingContent content = this.drafts.content(posting);
		if (content == null) {
			throw new NotFoundException("posting '" + id + "' has no content document yet");
		}
		return this.preview.page(content, profile(profile), locale, request.getContextPath());
	}

	@GetMapping(path = "/console/preview.css", produces = "text/css")
	ResponseEntity<String> previewStylesheet() {
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "css", StandardCharsets.UTF_8))
			.body(this.preview.stylesheet());
	}

	static ScreenProfile profile(String name) {
		for (ScreenProfile profile : ScreenProfile.values()) {
			if (profile.name().equalsIgnoreCase(name)) {
				return profile;
			}
		}
		throw new IllegalArgumentException("profile must be landscape, portrait or kiosk");
	}

}
