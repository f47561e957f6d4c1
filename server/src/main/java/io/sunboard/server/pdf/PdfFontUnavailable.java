package io.sunboard.server.pdf;

/**
 * No usable font for a PDF: the message says what to install or configure. Answered with
 * 503 by {@link PdfFontErrors}.
 */
public class PdfFontUnavailable extends RuntimeException {

	PdfFontUnavailable(String message) {
		super(message);
	}

}
