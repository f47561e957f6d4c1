package io.sunboard.kiosk;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLSocketFactory;

import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttSubscription;

import io.sunboard.protocol.BrokerTls;
import io.sunboard.protocol.DeviceChannel;
import io.sunboard.protocol.Topics;

/** What each MQTT session of a device is opened with and subscribes to. */
final class SessionSettings {

	private final Identity identity;

	private final String secret;

	private final StatusMessages statuses;

	private final URI brokerUrl;

	private final Path caFile;

	SessionSettings(Identity identity, String secret, StatusMessages statuses, URI brokerUrl, Path caFile) {
		this.brokerUrl = brokerUrl;
		this.caFile = caFile;
		this.identity = identity;
		this.secret = secret;
		this.statuses = statuses;
	}

	/**
	 * A clean start every time (the journal on disk, not the broker session, holds what
	 * must survive), Paho's reconnect off, and the {@code offline} last will of this
	 * session's epoch.
	 */
	MqttConnectionOptions options(long epoch) {
		MqttConnectionOptions options = new MqttConnectionOptions();
		options.setUserName(this.identity.deviceId());
		options.setPassword(this.secret.getBytes(StandardCharsets.UTF_8));
		options.setCleanStart(true);
		options.setAutomaticReconnect(false);
		options.setKeepAliveInterval(30);
		options.setConnectionTimeout(10);
		options.setWill(this.statuses.topic(), this.statuses.offline(epoch));
		SSLSocketFactory tls = BrokerTls.socketFactory(this.brokerUrl, this.caFile, "broker.ca-file");
		if (tls != null) {
			options.setSocketFactory(tls);
		}
		return options;
	}

	/**
	 * The device's manifest, command and ack topics, and the alert topics of its school
	 * and region once its manifest named them; nothing else is granted to it.
	 */
	MqttSubscription[] subscriptions(Collection<String> alertTopics) {
		Topics topics = this.identity.topics();
		String device = this.identity.deviceId();
		List<MqttSubscription> all = new ArrayList<>(
				List.of(subscription(topics.manifest(device), DeviceChannel.MANIFEST),
						subscription(topics.command(device), DeviceChannel.COMMAND),
						subscription(topics.ack(device), DeviceChannel.ACK)));
		all.addAll(List.of(alertSubscriptions(alertTopics)));
		return all.toArray(MqttSubscription[]::new);
	}

	/** Alert topics: QoS 1, retained alerts delivered on subscribe. */
	static MqttSubscription[] alertSubscriptions(Collection<String> alertTopics) {
		return alertTopics.stream().map((t) -> new MqttSubscription(t, 1)).toArray(MqttSubscription[]::new);
	}

	private static MqttSubscription subscription(String topic, DeviceChannel channel) {
		return new MqttSubscription(topic, channel.qos());
	}

}
