package io.sunboard.server.device;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.sunboard.protocol.Topics;
import io.sunboard.server.publicpage.PublicLinks;

/**
 * Provisions a screen: a new secret (the old one stops working) and the configuration
 * file that carries it, for callers outside this package such as the console.
 */
@Service
public class DeviceProvisioning {

	private final DeviceRegistry registry;

	private final ProvisioningSettings settings;

	private final PublicLinks links;

	private final Topics topics;

	DeviceProvisioning(DeviceRegistry registry, ProvisioningSettings settings, Topics topics, PublicLinks links) {
		this.links = links;
		this.registry = registry;
		this.settings = settings;
		this.topics = topics;
	}

	/** The screen's configuration file with its new secret; no access check. */
	@Transactional
	public String rotateAndBundle(String deviceId) {
		Device device = this.registry.get(deviceId);
		DeviceCredentials credentials = this.registry.rotate(deviceId);
		return DeviceBundle.properties(device, credentials, this.settings, this.topics, this.links);
	}

}
