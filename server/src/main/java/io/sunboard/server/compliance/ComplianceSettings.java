package io.sunboard.server.compliance;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param proactiveWorkingDays 政府信息公开条例 Art. 26: proactive disclosure within 20 working
 * days of the information being formed or changed
 * @param feeNoticeKind the posting kind that is the standing fee notice
 * @param manifestGrace how long a screen may take to apply a new manifest before it is
 * flagged
 */
@ConfigurationProperties("sunboard.compliance")
public record ComplianceSettings(@DefaultValue("20") int proactiveWorkingDays,
		@DefaultValue("fee-notice") String feeNoticeKind, @DefaultValue("PT15M") Duration manifestGrace) {

}
