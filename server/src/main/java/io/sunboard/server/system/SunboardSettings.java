package io.sunboard.server.system;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

import io.sunboard.protocol.Topics;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Top-level settings.
 *
 * @param dataDir where the H2 database, the embedded broker's files and demo kiosks live
 * @param publicUrl the address screens and parents use to reach this server over HTTP
 * @param topicRoot MQTT topic root shared with every screen
 * @param rollForward how often every school's manifests are recomputed as time moves on
 * @param adminPassword console / API administrator password; generated and printed once
 * when empty
 */
@ConfigurationProperties("sunboard")
public record SunboardSettings(@DefaultValue("./data") Path dataDir, URI publicUrl,
		@DefaultValue(Topics.DEFAULT_ROOT) String topicRoot, @DefaultValue("PT1M") Duration rollForward,
		String adminPassword) {

}
