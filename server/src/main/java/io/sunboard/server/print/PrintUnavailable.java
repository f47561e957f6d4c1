package io.sunboard.server.print;

/**
 * The server cannot print: a missing or unusable font, said so the operator can fix it.
 */
class PrintUnavailable extends RuntimeException {

	PrintUnavailable(String message) {
		super(message);
	}

}
