package io.sunboard.kiosk;

import java.util.function.BiConsumer;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Paho's callback, which runs on Paho's threads: it only hands work over, never blocks
 * and never throws (an exception here would make Paho drop the connection).
 */
final class PahoCallback implements MqttCallback {

	private static final Logger log = LoggerFactory.getLogger(PahoCallback.class);

	private final Runnable onLost;

	private final BiConsumer<String, byte[]> onMessage;

	/**
	 * @param onLost must only schedule work
	 * @param onMessage must only schedule work
	 */
	PahoCallback(Runnable onLost, BiConsumer<String, byte[]> onMessage) {
		this.onLost = onLost;
		this.onMessage = onMessage;
	}

	@Override
	public void disconnected(MqttDisconnectResponse response) {
		this.onLost.run();
	}

	@Override
	public void mqttErrorOccurred(MqttException exception) {
		log.warn("MQTT error: {}", exception.getMessage());
	}

	@Override
	public void messageArrived(String topic, MqttMessage message) {
		this.onMessage.accept(topic, message.getPayload());
	}

	@Override
	public void deliveryComplete(IMqttToken token) {
	}

	@Override
	public void connectComplete(boolean reconnect, String serverURI) {
	}

	@Override
	public void authPacketArrived(int reasonCode, MqttProperties properties) {
	}

}
