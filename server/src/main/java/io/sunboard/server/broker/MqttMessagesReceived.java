package io.sunboard.server.broker;

import java.util.List;

/**
 * Messages from device topics that arrived on one lane while the last were handled, in
 * arrival order: one when the server keeps up, up to {@link #MAX} when it is behind, so a
 * handler can store them together. A device's messages always share a lane.
 */
public record MqttMessagesReceived(List<MqttMessageReceived> messages) {

	/** The most messages handed on at once. */
	public static final int MAX = 200;

	public MqttMessagesReceived {
		messages = List.copyOf(messages);
	}

}
