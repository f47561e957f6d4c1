package io.sunboard.server.broker;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocketFactory;

import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sunboard.protocol.BrokerTls;
import io.sunboard.protocol.JsonCodec;
import io.sunboard.protocol.TopicGrant;
import io.sunboard.protocol.Topics;
import io.sunboard.server.device.BrokerAccounts;
import io.sunboard.server.device.Device;
import io.sunboard.server.school.School;

/**
 * Device accounts on Mosquitto through its dynamic-security plugin: one client per device
 * with its own role holding exactly the device's {@link Topics#deviceGrants grants}.
 * Commands go to {@code $CONTROL/dynamic-security/v1} on a short-lived connection with
 * the dynsec account.
 */
class DynsecBrokerAccounts implements BrokerAccounts {

	private static final Logger log = LoggerFactory.getLogger(DynsecBrokerAccounts.class);

	private static final String CONTROL = "$CONTROL/dynamic-security/v1";

	private final BrokerSettings.External settings;

	private final Topics topics;

	private final JsonCodec codec;

	DynsecBrokerAccounts(BrokerSettings.External settings, Topics topics, JsonCodec codec) {
		this.settings = settings;
		this.topics = topics;
		this.codec = codec;
	}

	@Override
	public void provision(Device device, School school, String secret) {
		String role = "device-" + device.id();
		List<Map<String, Object>> acls = new ArrayList<>();
		for (TopicGrant grant : this.topics.deviceGrants(device.id(), school.id(), school.regionId())) {
			String type = (grant.access() == TopicGrant.Access.PUBLISH) ? "publishClientSend" : "subscribeLiteral";
			acls.add(Map.of("acltype", type, "topic", grant.topic(), "allow", true));
		}
		List<Map<String, Object>> commands = List.of(Map.of("command", "createRole", "rolename", role, "acls", acls),
				Map.of("command", "createClient", "username", device.id(), "password", secret, "clientid", device.id(),
						"roles", List.of(Map.of("rolename", role))));
		send(commands);
	}

	@Override
	public void rotate(Device device, String secret) {
		// Mosquitto disconnects a client whose password is changed
		send(List.of(Map.of("command", "setClientPassword", "username", device.id(), "password", secret)));
	}

	@Override
	public void revoke(Device device) {
		// deleting the client disconnects it and refuses it from then on
		send(List.of(Map.of("command", "deleteClient", "username", device.id()),
				Map.of("command", "deleteRole", "rolename", "device-" + device.id())));
	}

	private void send(List<Map<String, Object>> commands) {
		if (this.settings.dynsecUsername() == null) {
			throw new IllegalStateException("sunboard.broker.external.dynsec-username/-password are needed to create"
					+ " device accounts on Mosquitto (an account with dynsec's admin role)");
		}
		String clientId = "sunboard-dynsec-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
		MqttClient client = null;
		try {
			client = new MqttClient(this.settings.url().toString(), clientId, new MemoryPersistence());
			MqttConnectionOptions options = new MqttConnectionOptions();
			options.setUserName(this.settings.dynsecUsername());
			options.setPassword(this.settings.dynsecPassword().getBytes(StandardCharsets.UTF_8));
			options.setConnectionTimeout(10);
			SSLSocketFactory tls = BrokerTls.socketFactory(this.settings.url(), this.settings.caFile(),
					"sunboard.broker.external.ca-file");
			if (tls != null) {
				options.setSocketFactory(tls);
			}
			client.connect(options);
			CompletableFuture<String> response = new CompletableFuture<>();
			client.subscribe(new MqttSubscription[] { new MqttSubscription(CONTROL + "/response", 1) },
					new org.eclipse.paho.mqttv5.client.IMqttMessageListener[] { (topic, message) -> response
						.complete(new String(message.getPayload(), StandardCharsets.UTF_8)) });
			MqttMessage message = new MqttMessage(this.codec.encode(Map.of("commands", commands)));
			message.setQos(1);
			client.publish(CONTROL, message);
			String answer = response.get(10, TimeUnit.SECONDS);
			if (answer.contains("\"error\"")) {
				throw new IllegalStateException("Mosquitto refused a device account change: " + answer);
			}
			log.debug("dynsec answered {}", answer);
			client.disconnect();
		}
		catch (MqttException ex) {
			throw new IllegalStateException("cannot reach Mosquitto at " + this.settings.url()
					+ " to manage device accounts: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while managing device accounts", ex);
		}
		catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException ex) {
			throw new IllegalStateException("Mosquitto did not answer a dynamic-security command within 10 s; is the"
					+ " dynamic-security plugin loaded and the account an admin?", ex);
		}
		finally {
			closeQuietly(client);
		}
	}

	private static void closeQuietly(MqttClient client) {
		if (client != null) {
			try {
				client.close(true);
			}
			catch (MqttException ex) {
				log.debug("closing the dynsec connection: {}", ex.getMessage());
			}
		}
	}

}
