package io.sunboard.protocol;

/**
 * One thing a broker account may do on one exact topic. Both brokers (the embedded one
 * and Mosquitto's dynamic-security plugin) enforce the same grants, which come from
 * {@link Topics#deviceGrants}.
 */
public record TopicGrant(String topic, Access access) {

	public enum Access {

		/** Subscribe to the topic (and so receive what is published on it). */
		SUBSCRIBE,
		/** Publish on the topic. */
		PUBLISH

	}

}
