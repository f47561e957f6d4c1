package io.sunboard.templates;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import nu.validator.client.EmbeddedValidator;

/**
 * Wraps a rendered fragment into the document a browser or the Nu HTML Checker reads, the
 * way the kiosk's player shell and the public page do.
 */
final class HtmlDocuments {

	private HtmlDocuments() {
	}

	static String page(String fragment, String lang, String title) {
		return "<!DOCTYPE html>\n<html lang=\"" + escape(lang)
				+ "\">\n<head>\n<meta charset=\"utf-8\">\n<link rel=\"icon\" href=\"data:,\">\n<title>" + escape(title)
				+ "</title>\n<link rel=\"stylesheet\" href=\"/sunboard.css\">\n"
				+ "<link rel=\"stylesheet\" href=\"/page.css\">\n</head>\n<body>\n" + fragment + "\n</body>\n</html>\n";
	}

	static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

	/**
	 * The checker's errors and warnings, one per line; empty when the document is valid.
	 */
	static List<String> problems(String document) throws Exception {
		EmbeddedValidator validator = new EmbeddedValidator();
		validator.setOutputFormat(EmbeddedValidator.OutputFormat.GNU);
		String output = validator.validate(new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8)));
		return output.lines().filter((line) -> !line.isBlank()).toList();
	}

}
