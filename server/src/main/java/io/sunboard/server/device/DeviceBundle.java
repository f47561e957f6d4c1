package io.sunboard.server.device;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Properties;

import io.sunboard.protocol.Topics;
import io.sunboard.server.publicpage.PublicLinks;

/**
 * The kiosk configuration file a screen needs (device-config/kiosk/*.properties), with
 * its secret.
 */
final class DeviceBundle {

	private DeviceBundle() {
	}

	static String properties(Device device, DeviceCredentials credentials, ProvisioningSettings settings, Topics topics,
			PublicLinks links) {
		Properties p = new Properties();
		p.setProperty("device.id", credentials.deviceId());
		p.setProperty("device.secret", credentials.secret());
		p.setProperty("broker.url", settings.brokerUrl().toString());
		p.setProperty("server.url", settings.serverUrl().toString());
		p.setProperty("topic.root", topics.root());
		p.setProperty("screen.profile", device.profile());
		p.setProperty("data.dir", "/var/lib/sunboard-kiosk");
		// the QR code on every page the screen shows points at the posting's public page
		p.setProperty("public.url-template", links.postingUrlTemplate());
		StringWriter out = new StringWriter();
		try {
			p.store(out, "Sunboard screen " + device.id() + " (" + device.name()
					+ "). Keep this file secret: it holds the screen's credentials.");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString();
	}

}
