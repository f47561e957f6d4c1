package io.sunboard.server.system;

/** A record the caller named does not exist; the API answers 404 with this message. */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String message) {
		super(message);
	}

}
