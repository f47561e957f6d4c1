package io.sunboard.server.publicpage;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import io.sunboard.protocol.Attachment;
import io.sunboard.protocol.PostingContent;
import io.sunboard.protocol.Sha256;
import io.sunboard.server.school.School;
import io.sunboard.server.school.SchoolRepository;
import io.sunboard.templates.PostingRenderer;
import io.sunboard.templates.PrivacyGate;
import io.sunboard.templates.RenderContext;
import io.sunboard.templates.ScreenProfile;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Pages anyone may open: a posting (the QR code's target), a school's current postings,
 * its Atom feed, and the attachments of public postings. Whatever is not public right now
 * gets the same 404, so the answer does not tell whether a posting exists.
 * <p>
 * The pages carry no script and no inline style, under a strict Content-Security-Policy.
 */
@RestController
class PublicPageController {

	/** Short: a posting must leave the page soon after its publicity period ends. */
	private static final CacheControl SHORT = CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic();

	static final String POLICY = "default-src 'none'; img-src 'self' data:; style-src 'self'; base-uri 'none';"
			+ " form-action 'none'; frame-ancestors 'none'";

	private static final DateTimeFormatter PERIOD = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

	private final PublicPostings postings;

	private final SchoolRepository schools;

	private final PostingRenderer renderer;

	private final PrivacyGate privacy;

	private final PublicLinks links;

	private final ITemplateEngine pages;

	PublicPageController(PublicPostings postings, SchoolRepository schools, PostingRenderer renderer, PublicLinks links,
			ITemplateEngine pages) {
		this.postings = postings;
		this.schools = schools;
		this.renderer = renderer;
		this.privacy = new PrivacyGate(renderer.kinds());
		this.links = links;
		this.pages = pages;
	}

	@GetMapping("/public/postings/{id}")
	ResponseEntity<String> posting(@PathVariable String id, @RequestParam(required = false) String lang,
			HttpServletRequest request) {
		Locale locale = PublicLocales.resolve(lang, request);
		return this.postings.posting(id).map((shown) -> {
			PostingContent content = shown.content();
			String article = this.renderer.renderPosting(content,
					new RenderContext(ScreenProfile.PORTRAIT, locale, this.links.postingUrlTemplate()));
			Map<String, Object> model = base(locale, "/public/postings/" + id);
			model.put("title", this.privacy.apply(content).title());
			model.put("article", article);
			model.put("schoolUrl", "/public/schools/" + shown.posting().schoolId());
			model.put("images", content.attachments().stream().filter(Attachment::isImage).map(Link::of).toList());
			model.put("documents", content.attachments().stream().filter((a) -> !a.isImage()).map(Link::of).toList());
			return page("public/posting", locale, model);
		}).orElseGet(() -> notFound(locale));
	}

	@GetMapping("/public/schools/{schoolId}")
	ResponseEntity<String> school(@PathVariable String schoolId, @RequestParam(required = false) String lang,
			HttpServletRequest request) {
		Locale locale = PublicLocales.resolve(lang, request);
		return this.schools.find(schoolId).map((school) -> {
			Map<String, Object> model = base(locale, "/public/schools/" + schoolId);
			model.put("schoolName", school.name());
			model.put("feedUrl", "/public/schools/" + schoolId + "/feed.atom");
			model.put("items",
					this.postings.current(schoolId).stream().map((shown) -> item(shown, school, locale)).toList());
			return page("public/school", locale, model);
		}).orElseGet(() -> notFound(locale));
	}

	@GetMapping("/public/schools/{schoolId}/feed.atom")
	ResponseEntity<byte[]> feed(@PathVariable String schoolId, @RequestParam(required = false) String lang,
			HttpServletRequest request) {
		Locale locale = PublicLocales.resolve(lang, request);
		return this.schools.find(schoolId).map((school) -> {
			List<PublicPostings.Shown> current = this.postings.current(schoolId);
			List<AtomFeed.Entry> entries = current.stream().map((shown) -> {
				PostingContent masked = this.privacy.apply(shown.content());
				return new AtomFeed.Entry(this.links.postingUrl(shown.posting().id()), masked.title(),
						this.renderer.kindLabel(masked.kind(), locale), excerpt(masked.body()),
						shown.posting().publicityStart());
			}).toList();
			Instant updated = entries.stream()
				.map(AtomFeed.Entry::updated)
				.max(Instant::compareTo)
				.orElse(this.postings.now());
			byte[] xml = AtomFeed.write(new AtomFeed.Feed(school.name(), school.name(), this.links.schoolUrl(schoolId),
					this.links.feedUrl(schoolId), updated, locale.toLanguageTag(), entries));
			return ResponseEntity.ok()
				.contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
				.cacheControl(SHORT)
				.body(xml);
		}).orElseGet(() -> ResponseEntity.notFound().build());
	}

	@GetMapping("/public/attachments/{sha256}")
	ResponseEntity<byte[]> attachment(@PathVariable String sha256) {
		if (!Sha256.isValid(sha256)) {
			return ResponseEntity.notFound().build();
		}
		return this.postings.attachment(sha256).map((file) -> {
			Attachment attachment = file.attachment();
			ContentDisposition disposition = ContentDisposition.inline()
				.filename(attachment.name(), StandardCharsets.UTF_8)
				.build();
			return ResponseEntity.ok()
				.contentType(MediaType.parseMediaType(attachment.mediaType()))
				.header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
				.header("X-Content-Type-Options", "nosniff")
				.header("Content-Security-Policy", "default-src 'none'; sandbox")
				.cacheControl(SHORT)
				.body(file.bytes());
		}).orElseGet(() -> ResponseEntity.notFound().build());
	}

	/**
	 * The screens' stylesheet (CJK fonts, posting layout), served from this site for the
	 * CSP.
	 */
	@GetMapping("/public/css/posting.css")
	ResponseEntity<String> postingStylesheet() {
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "css", StandardCharsets.UTF_8))
			.cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
			.body(this.renderer.stylesheet());
	}

	private Map<String, Object> item(PublicPostings.Shown shown, School school, Locale locale) {
		PostingContent masked = this.privacy.apply(shown.content());
		ZoneId zone = school.timeZone();
		Map<String, Object> item = new HashMap<>();
		item.put("url", "/public/postings/" + shown.posting().id() + "?lang=" + locale.toLanguageTag());
		item.put("title", masked.title());
		item.put("kind", this.renderer.kindLabel(masked.kind(), locale));
		item.put("start", PERIOD.format(shown.posting().publicityStart().atZone(zone)));
		item.put("end", PERIOD.format(shown.posting().publicityEnd().atZone(zone)));
		return item;
	}

	private Map<String, Object> base(Locale locale, String path) {
		Map<String, Object> model = new HashMap<>();
		model.put("lang", locale.toLanguageTag());
		model.put("languages",
				PublicLocales.SUPPORTED.stream()
					.map((l) -> new Language(l.toLanguageTag(), path + "?lang=" + l.toLanguageTag(), l.equals(locale)))
					.toList());
		return model;
	}

	private ResponseEntity<String> page(String template, Locale locale, Map<String, Object> model) {
		String html = this.pages.process(template, new Context(locale, model));
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
			.cacheControl(SHORT)
			.header("Content-Security-Policy", POLICY)
			.header(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag())
			.body(html);
	}

	private ResponseEntity<String> notFound(Locale locale) {
		Map<String, Object> model = base(locale, "/");
		model.put("languages", List.of());
		String html = this.pages.process("public/not-found", new Context(locale, model));
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
			.header("Content-Security-Policy", POLICY)
			.body(html);
	}

	private static String excerpt(String body) {
		if (body == null) {
			return null;
		}
		String text = body.strip();
		return (text.length() > 300) ? text.substring(0, 300) + "…" : text;
	}

	/** A language switch entry. */
	record Language(String tag, String url, boolean current) {

	}

	/** An attachment as the page links it. */
	record Link(String name, String url, String mediaType, long kilobytes) {

		static Link of(Attachment a) {
			return new Link(a.name(), "/public/attachments/" + a.sha256(), a.mediaType(),
					Math.max(1, (a.size() + 1023) / 1024));
		}

	}

}
