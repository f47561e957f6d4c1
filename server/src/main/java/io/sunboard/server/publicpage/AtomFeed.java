package io.sunboard.server.publicpage;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * An Atom 1.0 feed (RFC 4287) of a school's public postings. Written with a streaming XML
 * writer, which escapes every text and attribute, so a title with markup stays text.
 */
final class AtomFeed {

	static final String NAMESPACE = "http://www.w3.org/2005/Atom";

	private AtomFeed() {
	}

	/** One posting in the feed; texts already through the privacy gate. */
	record Entry(String url, String title, String category, String summary, Instant updated) {

	}

	/** The feed itself: its id is the school's public page. */
	record Feed(String title, String author, String schoolUrl, String feedUrl, Instant updated, String lang,
			List<Entry> entries) {

	}

	static byte[] write(Feed feed) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
			xml.writeStartDocument("UTF-8", "1.0");
			xml.writeStartElement("feed");
			xml.writeDefaultNamespace(NAMESPACE);
			xml.writeAttribute("xml:lang", feed.lang());
			text(xml, "id", feed.schoolUrl());
			text(xml, "title", feed.title());
			text(xml, "updated", format(feed.updated()));
			link(xml, "self", "application/atom+xml", feed.feedUrl());
			link(xml, "alternate", "text/html", feed.schoolUrl());
			xml.writeStartElement("author");
			text(xml, "name", feed.author());
			xml.writeEndElement();
			for (Entry entry : feed.entries()) {
				xml.writeStartElement("entry");
				text(xml, "id", entry.url());
				text(xml, "title", entry.title());
				text(xml, "updated", format(entry.updated()));
				link(xml, "alternate", "text/html", entry.url());
				xml.writeEmptyElement("category");
				xml.writeAttribute("term", clean(entry.category()));
				if (entry.summary() != null && !entry.summary().isBlank()) {
					xml.writeStartElement("summary");
					xml.writeAttribute("type", "text");
					xml.writeCharacters(clean(entry.summary()));
					xml.writeEndElement();
				}
				xml.writeEndElement();
			}
			xml.writeEndElement();
			xml.writeEndDocument();
			xml.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException("could not write the Atom feed", ex);
		}
		return out.toString(StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
	}

	private static void text(XMLStreamWriter xml, String element, String text) throws XMLStreamException {
		xml.writeStartElement(element);
		xml.writeCharacters(clean(text));
		xml.writeEndElement();
	}

	private static void link(XMLStreamWriter xml, String rel, String type, String href) throws XMLStreamException {
		xml.writeEmptyElement("link");
		xml.writeAttribute("rel", rel);
		xml.writeAttribute("type", type);
		xml.writeAttribute("href", href);
	}

	private static String format(Instant instant) {
		return DateTimeFormatter.ISO_INSTANT.format(instant);
	}

	/** XML 1.0 cannot carry most control characters at all, escaped or not. */
	static String clean(String text) {
		return (text == null) ? "" : text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", "");
	}

}
