package io.sunboard.server.print;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Document;
import org.springframework.stereotype.Component;

import io.sunboard.protocol.PostingContent;
import io.sunboard.server.pdf.PdfFonts;
import io.sunboard.server.publicpage.PublicLinks;
import io.sunboard.templates.PostingRenderer;
import io.sunboard.templates.RenderContext;
import io.sunboard.templates.ScreenProfile;

/**
 * Prints a posting on A4 portrait: the screens' portrait template (privacy gate, escaped
 * text, publicity period, channel box), every table row, and a QR code to the public
 * page. The template's HTML5 goes through jsoup into the DOM openhtmltopdf lays out.
 */
@Component
class PostingPrinter {

	private final PostingRenderer renderer;

	private final PublicLinks links;

	private final PdfFonts fonts;

	private final String stylesheet;

	PostingPrinter(PostingRenderer renderer, PublicLinks links, PdfFonts fonts) {
		this.renderer = renderer;
		this.links = links;
		this.fonts = fonts;
		this.stylesheet = resource("print/posting-print.css");
	}

	byte[] print(PostingContent content, Locale locale) {
		// before rendering: a missing font answers at once
		this.fonts.fonts();
		String article = this.renderer.renderPosting(content,
				new RenderContext(ScreenProfile.PORTRAIT, locale, this.links.postingUrlTemplate()));
		Document html = Jsoup.parse("<!DOCTYPE html><html><head><meta charset=\"UTF-8\"><title></title></head>"
				+ "<body class=\"print\"></body></html>");
		html.selectFirst("html").attr("lang", locale.toLanguageTag());
		html.selectFirst("title").text(content.title());
		html.head().appendElement("style").appendChild(new org.jsoup.nodes.DataNode(this.stylesheet));
		html.body().append(article);
		html.select(".posting-qr img").attr("src", QrPng.dataUri(this.links.postingUrl(content.postingId())));
		ByteArrayOutputStream pdf = new ByteArrayOutputStream();
		try {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.withW3cDocument(new W3CDom().fromJsoup(html), null);
			this.fonts.register(builder);
			builder.toStream(pdf);
			builder.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not write the PDF of posting " + content.postingId(), ex);
		}
		return pdf.toByteArray();
	}

	private static String resource(String name) {
		try (InputStream in = PostingPrinter.class.getClassLoader().getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException(name + " is missing from the server jar");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
