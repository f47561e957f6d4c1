package io.sunboard.server.broker;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.hivemq.extension.sdk.api.async.Async;
import com.hivemq.extension.sdk.api.async.TimeoutFallback;
import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthInput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;
import com.hivemq.extension.sdk.api.auth.parameter.TopicPermission;
import com.hivemq.extension.sdk.api.packets.auth.DefaultAuthorizationBehaviour;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.packets.connect.ConnectPacket;
import com.hivemq.extension.sdk.api.services.builder.Builders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sunboard.protocol.TopicGrant;
import io.sunboard.protocol.Topics;
import io.sunboard.server.device.Device;
import io.sunboard.server.device.DeviceRegistry;
import io.sunboard.server.school.SchoolRepository;
import io.sunboard.server.system.Threads;

/**
 * Lets in the server's own account and active devices whose client id equals their
 * username and whose secret matches; each device gets exactly its
 * {@link Topics#deviceGrants grants} and nothing else. The registry lookup runs off
 * HiveMQ's threads.
 */
class EmbeddedAuthenticator implements SimpleAuthenticator {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedAuthenticator.class);

	private final ServerAccount serverAccount;

	private final DeviceRegistry registry;

	private final SchoolRepository schools;

	private final Topics topics;

	private final ExecutorService executor = Executors.newFixedThreadPool(2, Threads.named("broker-auth"));

	EmbeddedAuthenticator(ServerAccount serverAccount, DeviceRegistry registry, SchoolRepository schools,
			Topics topics) {
		this.serverAccount = serverAccount;
		this.registry = registry;
		this.schools = schools;
		this.topics = topics;
	}

	@Override
	public void onConnect(SimpleAuthInput input, SimpleAuthOutput output) {
		ConnectPacket connect = input.getConnectPacket();
		String username = connect.getUserName().orElse(null);
		String password = connect.getPassword().map(EmbeddedAuthenticator::text).orElse(null);
		if (username == null || password == null) {
			output.failAuthentication(ConnackReasonCode.NOT_AUTHORIZED, "username and password are required");
			return;
		}
		if (username.equals(this.serverAccount.username())) {
			authenticateServer(password, output);
			return;
		}
		Async<SimpleAuthOutput> async = output.async(Duration.ofSeconds(10), TimeoutFallback.FAILURE);
		this.executor.execute(() -> {
			try {
				authenticateDevice(connect.getClientId(), username, password, output);
			}
			catch (RuntimeException ex) {
				log.error("Authenticating {} failed", username, ex);
				output.failAuthentication(ConnackReasonCode.SERVER_UNAVAILABLE, "try again later");
			}
			finally {
				async.resume();
			}
		});
	}

	private void authenticateServer(String password, SimpleAuthOutput output) {
		if (!MessageDigest.isEqual(password.getBytes(StandardCharsets.UTF_8),
				this.serverAccount.password().getBytes(StandardCharsets.UTF_8))) {
			output.failAuthentication(ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD, "wrong credentials");
			return;
		}
		output.getDefaultPermissions()
			.add(Builders.topicPermission()
				.topicFilter(this.topics.root() + "/#")
				.type(TopicPermission.PermissionType.ALLOW)
				.activity(TopicPermission.MqttActivity.ALL)
				.sharedSubscription(TopicPermission.SharedSubscription.ALL)
				.build());
		output.getDefaultPermissions().setDefaultBehaviour(DefaultAuthorizationBehaviour.DENY);
		output.authenticateSuccessfully();
	}

	private void authenticateDevice(String clientId, String username, String password, SimpleAuthOutput output) {
		Optional<Device> device = this.registry.authenticate(username, password);
		if (device.isEmpty() || !username.equals(clientId)) {
			output.failAuthentication(ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD,
					"unknown device, wrong secret, or client id differs from username");
			return;
		}
		String regionId = this.schools.find(device.get().schoolId()).map((s) -> s.regionId()).orElse(null);
		List<TopicGrant> grants = this.topics.deviceGrants(username, device.get().schoolId(), regionId);
		for (TopicGrant grant : grants) {
			output.getDefaultPermissions()
				.add(Builders.topicPermission()
					.topicFilter(grant.topic())
					.type(TopicPermission.PermissionType.ALLOW)
					.activity((grant.access() == TopicGrant.Access.PUBLISH) ? TopicPermission.MqttActivity.PUBLISH
							: TopicPermission.MqttActivity.SUBSCRIBE)
					.sharedSubscription(TopicPermission.SharedSubscription.NOT_SHARED)
					.build());
		}
		output.getDefaultPermissions().setDefaultBehaviour(DefaultAuthorizationBehaviour.DENY);
		output.authenticateSuccessfully();
	}

	private static String text(ByteBuffer buffer) {
		ByteBuffer copy = buffer.asReadOnlyBuffer();
		byte[] bytes = new byte[copy.remaining()];
		copy.get(bytes);
		return new String(bytes, StandardCharsets.UTF_8);
	}

}
