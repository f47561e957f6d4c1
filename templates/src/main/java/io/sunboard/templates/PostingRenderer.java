package io.sunboard.templates;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import io.sunboard.protocol.PostingContent;

/**
 * Renders postings and the idle page as HTML fragments. Built once and shared: the
 * Thymeleaf engine is thread-safe and caches parsed templates.
 */
public final class PostingRenderer {

	/**
	 * Screens in a deployment share one zone; when a document names a zone this runtime
	 * does not know, showing China Standard Time is closer to right than failing to show
	 * the posting at all.
	 */
	static final ZoneId FALLBACK_ZONE = ZoneId.of("Asia/Shanghai");

	private static final String ROOT = "io/sunboard/templates/";

	private static final DateTimeFormatter PERIOD_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

	/** How long an unattended screen shows each page of a long table. */
	static final int TABLE_PAGE_SECONDS = 8;

	private final TemplateEngine engine;

	private final KindCatalog kinds;

	private final PrivacyGate privacy;

	private final String stylesheet;

	public PostingRenderer() {
		this(KindCatalog.standard());
	}

	public PostingRenderer(KindCatalog kinds) {
		this.kinds = kinds;
		this.privacy = new PrivacyGate(kinds);
		this.engine = createEngine();
		this.stylesheet = readResource(ROOT + "sunboard.css");
	}

	private static TemplateEngine createEngine() {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(PostingRenderer.class.getClassLoader());
		resolver.setPrefix(ROOT);
		resolver.setSuffix(".html");
		resolver.setTemplateMode(TemplateMode.HTML);
		resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
		resolver.setCacheable(true);
		TemplateEngine engine = new TemplateEngine();
		engine.setTemplateResolver(resolver);
		engine.setMessageResolver(new BundleMessageResolver());
		return engine;
	}

	/** A fragment without a QR code, for callers with no public site. */
	public String renderPosting(PostingContent content, ScreenProfile profile, Locale locale) {
		return renderPosting(content, new RenderContext(profile, locale));
	}

	/**
	 * An {@code <article class="posting …">} fragment in the kind's template: title,
	 * fields, tables paged for the profile, body paragraphs, the complaint or objection
	 * channel, school name, publicity period in the document's time zone and a QR code to
	 * the public page. Personal data passes the privacy gate first, and every text is
	 * printed escaped.
	 */
	public String renderPosting(PostingContent original, RenderContext render) {
		PostingContent content = this.privacy.apply(original);
		KindDefinition kind = this.kinds.forRendering(content.kind());
		Messages messages = new Messages(render.locale());
		ZoneId zone = zoneOf(content.timeZone());
		Context context = context(render.profile(), render.locale());
		context.setVariable("kind", content.kind());
		context.setVariable("kindClass", cssToken(content.kind()));
		context.setVariable("kindLabel", messages.label("kind", kind.id()));
		context.setVariable("title", content.title());
		context.setVariable("paragraphs", BodyText.paragraphs(content.body()));
		context.setVariable("fields", PostingView.fields(content, kind, messages));
		context.setVariable("channel", PostingView.channel(content, kind, messages));
		context.setVariable("tables", PostingView.tables(content, messages, render.profile().tableRowsPerPage()));
		context.setVariable("pageSeconds", TABLE_PAGE_SECONDS);
		context.setVariable("standing", kind.standingNotice());
		context.setVariable("schoolName", blankToNull(content.schoolName()));
		context.setVariable("periodStart", format(content.publicityStart(), zone));
		context.setVariable("periodEnd", format(content.publicityEnd(), zone));
		String publicUrl = render.publicUrl(content.postingId());
		context.setVariable("qr", (publicUrl != null) ? QrCode.dataUri(publicUrl) : null);
		context.setVariable("publicUrl", publicUrl);
		return this.engine.process(kind.template(), context).strip();
	}

	/**
	 * The kind's label in the reader's language (收费公示, Fee notice), for lists and feeds
	 * outside a rendered posting.
	 */
	public String kindLabel(String kind, Locale locale) {
		return new Messages(locale).label("kind", this.kinds.forRendering(kind).id());
	}

	/** The kinds this renderer knows, for validation and forms. */
	public KindCatalog kinds() {
		return this.kinds;
	}

	/**
	 * The school's default page when nothing is scheduled: never blank, so a passer-by
	 * sees a working screen rather than a broken one.
	 */
	public String renderIdle(String schoolName, ScreenProfile profile, Locale locale) {
		Context context = context(profile, locale);
		context.setVariable("schoolName", blankToNull(schoolName));
		return this.engine.process("idle", context).strip();
	}

	/** An emergency alert over the whole screen, in place of the loop. */
	public String renderAlert(String text, String schoolName, ScreenProfile profile, Locale locale) {
		Context context = context(profile, locale);
		context.setVariable("paragraphs", BodyText.paragraphs(text));
		context.setVariable("schoolName", blankToNull(schoolName));
		return this.engine.process("alert", context).strip();
	}

	/** The shared CSS: CJK font fallback chain and type sized for each profile. */
	public String stylesheet() {
		return this.stylesheet;
	}

	private static Context context(ScreenProfile profile, Locale locale) {
		Locale effective = (locale != null) ? locale : Locale.SIMPLIFIED_CHINESE;
		Context context = new Context(effective);
		context.setVariable("profileClass", profile.cssClass());
		context.setVariable("lang", effective.toLanguageTag());
		return context;
	}

	static ZoneId zoneOf(String timeZone) {
		try {
			return ZoneId.of(timeZone);
		}
		catch (DateTimeException ex) {
			return FALLBACK_ZONE;
		}
	}

	private static String format(Instant instant, ZoneId zone) {
		return PERIOD_FORMAT.format(instant.atZone(zone));
	}

	/** Kinds are free text; a class name must stay one harmless token. */
	static String cssToken(String kind) {
		return kind.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-");
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	private static String readResource(String name) {
		try (InputStream in = PostingRenderer.class.getClassLoader().getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException(
						name + " is missing from the templates jar; rebuild the templates module");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + name, ex);
		}
	}

}
