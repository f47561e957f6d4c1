package io.sunboard.server.attachment;

import org.springframework.http.HttpStatus;

/** An upload the server will not keep, with the status and what to do instead. */
class AttachmentRefused extends RuntimeException {

	private final HttpStatus status;

	AttachmentRefused(HttpStatus status, String message) {
		super(message);
		this.status = status;
	}

	HttpStatus status() {
		return this.status;
	}

}
