package io.sunboard.server.annualreport;

/** No font that can print Chinese in a PDF is installed. */
class PdfFontMissingException extends RuntimeException {

	PdfFontMissingException(String message) {
		super(message);
	}

}
