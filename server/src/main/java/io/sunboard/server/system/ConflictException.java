package io.sunboard.server.system;

/**
 * The request is valid but the record is not in a state that allows it; the API answers
 * 409.
 */
public class ConflictException extends RuntimeException {

	public ConflictException(String message) {
		super(message);
	}

}
