package io.sunboard.protocol;

import java.time.Instant;
import java.util.Set;

/** A command to one device; a device ignores it once {@code expiresAt} has passed. */
public record Command(String id, String name, Instant issuedAt, Instant expiresAt) {

	/**
	 * Commands a device knows: {@code refresh} (re-evaluate the schedule now),
	 * {@code resync} (fetch every content document again), {@code identify} (show the
	 * screen's identity full-screen for a few seconds), {@code screenshot} (upload an
	 * image of the screen to {@link DeviceHttp#screenshotPath(String)}).
	 */
	public static final Set<String> NAMES = Set.of("refresh", "resync", "identify", "screenshot");

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
