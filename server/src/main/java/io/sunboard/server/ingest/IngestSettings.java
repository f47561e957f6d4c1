package io.sunboard.server.ingest;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param retention how long raw events, hourly rollups, presence hours and scheduled
 * windows are kept; daily rollups are kept for good. Events older than this are refused
 * on arrival (they would be purged at once).
 * @param maxFuture how far ahead of the server's clock an event may claim to have
 * happened, after correcting for the screen's measured clock offset
 * @param purgeInterval how often the retention purge runs
 */
@ConfigurationProperties("sunboard.ingest")
public record IngestSettings(@DefaultValue("P400D") Duration retention, @DefaultValue("PT5M") Duration maxFuture,
		@DefaultValue("PT1H") Duration purgeInterval) {

	public IngestSettings {
		if (retention.isNegative() || retention.isZero()) {
			throw new IllegalArgumentException("sunboard.ingest.retention must be positive, e.g. P400D");
		}
		if (maxFuture.isNegative()) {
			throw new IllegalArgumentException("sunboard.ingest.max-future must not be negative, e.g. PT5M");
		}
	}

}
