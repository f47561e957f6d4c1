package io.sunboard.kiosk;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sunboard.protocol.Command;
import io.sunboard.protocol.JsonCodec;
import io.sunboard.protocol.MalformedMessageException;

/** Carries out commands from the cmd topic. Only {@code refresh} so far. */
final class Commands {

	private static final Logger log = LoggerFactory.getLogger(Commands.class);

	private final JsonCodec codec;

	private final Clock clock;

	private final Player player;

	Commands(JsonCodec codec, Clock clock, Player player) {
		this.codec = codec;
		this.clock = clock;
		this.player = player;
	}

	void received(byte[] payload) {
		Command command;
		try {
			command = this.codec.decode(payload, Command.class);
		}
		catch (MalformedMessageException ex) {
			log.warn("Ignoring malformed command: {}", ex.getMessage());
			return;
		}
		if (command.expiredAt(this.clock.instant())) {
			log.info("Ignoring command {} ({}): it expired at {}", command.id(), command.name(), command.expiresAt());
			return;
		}
		switch (command.name()) {
			case "refresh" -> {
				log.info("Command {}: refresh", command.id());
				this.player.refresh();
			}
			default -> log.info("Ignoring command {} ({}): this client version does not support it", command.id(),
					command.name());
		}
	}

}
