package io.sunboard.server.command;

import java.time.Instant;

/**
 * A command sent to a screen and, once the screen answered, its outcome.
 *
 * @param outcome null until the screen's command-result arrives: {@code done},
 * {@code failed}, {@code expired} or {@code unsupported}
 */
public record DeviceCommand(String id, String deviceId, String name, Instant issuedAt, Instant expiresAt,
		String issuedBy, String outcome, String detail, Instant answeredAt) {

}
