package io.sunboard.protocol;

/**
 * An inbound payload that cannot be accepted; {@link #reason()} is what the receiver
 * counts.
 */
public class MalformedMessageException extends Exception {

	private final Reason reason;

	public MalformedMessageException(Reason reason, String detail) {
		super(reason.label() + ": " + detail);
		this.reason = reason;
	}

	public Reason reason() {
		return this.reason;
	}

	/** Why a message was refused. Labels are stable: they are metric tag values. */
	public enum Reason {

		TOO_LARGE("too_large"), NOT_JSON("not_json"), INVALID("invalid"), IDENTITY_MISMATCH("identity_mismatch"),
		UNKNOWN_TOPIC("unknown_topic"), UNKNOWN_DEVICE("unknown_device");

		private final String label;

		Reason(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

	}

}
