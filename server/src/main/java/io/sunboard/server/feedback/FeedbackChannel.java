package io.sunboard.server.feedback;

/** How the feedback reached the school. */
public enum FeedbackChannel {

	/** Left on a touch kiosk. */
	KIOSK,
	/** A phone call, entered by staff. */
	PHONE,
	/** A visit, entered by staff. */
	IN_PERSON

}
