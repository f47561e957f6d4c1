package io.sunboard.protocol;

import java.time.Instant;

/** A command to one device; a device ignores it once {@code expiresAt} has passed. */
public record Command(String id, String name, Instant issuedAt, Instant expiresAt) {

	public Command {
		Ids.require(id, "command.id");
		Checks.text(name, "command.name", 32);
		Checks.present(issuedAt, "command.issuedAt");
		Checks.present(expiresAt, "command.expiresAt");
	}

	public boolean expiredAt(Instant now) {
		return !now.isBefore(this.expiresAt);
	}

}
