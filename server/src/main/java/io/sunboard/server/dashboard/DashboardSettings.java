package io.sunboard.server.dashboard;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The live dashboard's settings.
 *
 * @param staleAfter how long an online screen may take to apply its latest manifest
 * before it is flagged stale
 * @param pushInterval the shortest gap between two updates to one browser: changes in
 * between are coalesced into one message
 * @param refreshInterval how often pages are recomputed even when nothing was reported,
 * so a screen turns stale by the passing of time alone
 * @param pageSize screens per page unless the browser asks for another size
 * @param maxPageSize the largest page a browser may ask for
 * @param progressLimit how many publishes the progress panel lists (the most recent)
 * @param feedbackLimit how many feedback items the panel keeps
 */
@ConfigurationProperties("sunboard.dashboard")
public record DashboardSettings(@DefaultValue("PT1M") Duration staleAfter, @DefaultValue("PT1S") Duration pushInterval,
		@DefaultValue("PT5S") Duration refreshInterval, @DefaultValue("50") int pageSize,
		@DefaultValue("200") int maxPageSize, @DefaultValue("10") int progressLimit,
		@DefaultValue("20") int feedbackLimit) {

	public DashboardSettings {
		if (staleAfter.isNegative() || pushInterval.isNegative() || pushInterval.isZero()
				|| refreshInterval.isNegative() || refreshInterval.isZero()) {
			throw new IllegalArgumentException(
					"sunboard.dashboard durations must be positive (e.g. stale-after=PT1M, push-interval=PT1S)");
		}
		if (pageSize < 1 || maxPageSize < pageSize) {
			throw new IllegalArgumentException(
					"sunboard.dashboard.page-size must be 1 or more and at most max-page-size");
		}
	}

}
