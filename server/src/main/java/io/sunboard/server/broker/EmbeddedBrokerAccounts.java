package io.sunboard.server.broker;

import com.hivemq.extension.sdk.api.services.Services;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sunboard.server.device.BrokerAccounts;
import io.sunboard.server.device.Device;
import io.sunboard.server.school.School;

/**
 * The embedded broker asks the registry on every connect, so new and rotated secrets need
 * nothing here; a rotated or revoked device is disconnected so that its next connect is
 * checked again.
 */
class EmbeddedBrokerAccounts implements BrokerAccounts {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedBrokerAccounts.class);

	@Override
	public void provision(Device device, School school, String secret) {
	}

	@Override
	public void rotate(Device device, String secret) {
		disconnect(device);
	}

	@Override
	public void revoke(Device device) {
		disconnect(device);
	}

	private static void disconnect(Device device) {
		Services.clientService()
			.disconnectClient(device.id())
			.whenComplete((done, ex) -> log.debug("Disconnected {} from the embedded broker: {}", device.id(),
					(ex != null) ? ex.getMessage() : done));
	}

}
