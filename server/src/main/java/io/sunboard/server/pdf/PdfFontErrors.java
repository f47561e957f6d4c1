package io.sunboard.server.pdf;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A missing font is the server's state, not the caller's mistake: 503 with what to do.
 */
@RestControllerAdvice
class PdfFontErrors {

	@ExceptionHandler(PdfFontUnavailable.class)
	ProblemDetail unavailable(PdfFontUnavailable ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
	}

}
