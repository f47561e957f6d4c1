package io.sunboard.server.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param feedbackPerHour feedback events one device may send in any hour; the rest are
 * acknowledged (so the kiosk's journal lets them go) but not stored. A visitor writes one
 * in a few minutes at most, so more means a stuck or abused screen.
 * @param publicPerMinute requests to {@code /public/**} from one client address in any
 * minute (a reader clicks a few pages; a scraper is slowed, not blocked for long)
 * @param loginPerMinute sign-in form posts from one client address in any minute, on top
 * of the per-account lock-out ({@code sunboard.security.lock-after}), so one address
 * cannot try a password on many accounts; the same number limits anonymous screen
 * registration requests per address
 * @param maxKeys devices or addresses remembered per limit
 */
@ConfigurationProperties("sunboard.rate-limit")
public record RateLimitSettings(@DefaultValue("30") int feedbackPerHour, @DefaultValue("120") int publicPerMinute,
		@DefaultValue("20") int loginPerMinute, @DefaultValue("100000") int maxKeys) {

}
