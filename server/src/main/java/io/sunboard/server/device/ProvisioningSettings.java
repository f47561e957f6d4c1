package io.sunboard.server.device;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a screen's configuration bundle tells it: where the broker and this server are, as
 * the screens see them (which is rarely "localhost" in a real school).
 */
@ConfigurationProperties("sunboard.provisioning")
public record ProvisioningSettings(@DefaultValue("tcp://localhost:1883") URI brokerUrl,
		@DefaultValue("http://localhost:8080") URI serverUrl) {

}
