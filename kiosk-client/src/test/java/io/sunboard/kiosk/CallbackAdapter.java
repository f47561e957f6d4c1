package io.sunboard.kiosk;

import java.util.function.BiConsumer;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/** Paho's callback reduced to the one method a test needs. */
final class CallbackAdapter implements MqttCallback {

	private final BiConsumer<String, MqttMessage> onMessage;

	CallbackAdapter(BiConsumer<String, MqttMessage> onMessage) {
		this.onMessage = onMessage;
	}

	@Override
	public void messageArrived(String topic, MqttMessage message) {
		this.onMessage.accept(topic, message);
	}

	@Override
	public void disconnected(MqttDisconnectResponse response) {
	}

	@Override
	public void mqttErrorOccurred(MqttException exception) {
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
