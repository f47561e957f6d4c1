package io.sunboard.kiosk;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sunboard.protocol.Command;
import io.sunboard.protocol.DeviceEvent;
import io.sunboard.protocol.JsonCodec;
import io.sunboard.protocol.MalformedMessageException;

/**
 * Carries out commands from the cmd topic and answers each with a {@code command-result}
 * event through the journal. A command past its {@code expiresAt} is not carried out
 * (answered {@code expired}); one delivered twice (QoS 1) is carried out once.
 */
final class Commands {

	static final Duration IDENTIFY_FOR = Duration.ofSeconds(10);

	private static final int REMEMBERED = 200;

	private static final Logger log = LoggerFactory.getLogger(Commands.class);

	private final JsonCodec codec;

	private final Clock clock;

	private final Player player;

	private final ManifestUpdater manifests;

	private final Screenshots screenshots;

	private final EventRecorder recorder;

	private final Executor slow;

	/** Ids of recent commands, so a redelivery is not carried out again. */
	private final Set<String> seen = Collections
		.newSetFromMap(Collections.synchronizedMap(new LinkedHashMap<String, Boolean>(16, 0.75f, false) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
				return size() > REMEMBERED;
			}
		}));

	/**
	 * @param slow where blocking work (resync, screenshot) runs: the fetch thread
	 */
	Commands(JsonCodec codec, Clock clock, Player player, ManifestUpdater manifests, Screenshots screenshots,
			EventRecorder recorder, Executor slow) {
		this.codec = codec;
		this.clock = clock;
		this.player = player;
		this.manifests = manifests;
		this.screenshots = screenshots;
		this.recorder = recorder;
		this.slow = slow;
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
		if (!this.seen.add(command.id())) {
			log.info("Command {} ({}) arrived again; it was handled already", command.id(), command.name());
			return;
		}
		if (command.expiredAt(this.clock.instant())) {
			log.info("Not carrying out command {} ({}): it expired at {}", command.id(), command.name(),
					command.expiresAt());
			answer(command, "expired", "expired at " + command.expiresAt() + " before it was carried out");
			return;
		}
		log.info("Command {}: {}", command.id(), command.name());
		switch (command.name()) {
			case "refresh" -> {
				this.player.refresh();
				answer(command, "done", null);
			}
			case "identify" -> {
				this.player.identify(IDENTIFY_FOR);
				answer(command, "done", "identity shown for " + IDENTIFY_FOR.toSeconds() + " s");
			}
			case "resync" -> runSlow(command, () -> this.manifests.resync() + " documents fetched again");
			case "screenshot" -> runSlow(command, () -> {
				this.screenshots.takeAndUpload(command.id());
				return "uploaded";
			});
			default -> {
				log.info("Command {} ({}) is not supported by this client version", command.id(), command.name());
				answer(command, "unsupported", "client " + ClientVersion.current() + " does not know this command");
			}
		}
	}

	private void runSlow(Command command, Task task) {
		try {
			this.slow.execute(() -> {
				try {
					answer(command, "done", task.run());
				}
				catch (IOException | RuntimeException ex) {
					log.warn("Command {} ({}) failed: {}", command.id(), command.name(), ex.getMessage());
					answer(command, "failed", ex.getMessage());
				}
			});
		}
		catch (RejectedExecutionException ex) {
			// closing: the command is not answered; the server sees no result
		}
	}

	private void answer(Command command, String outcome, String detail) {
		String text = (detail != null && detail.length() > 500) ? detail.substring(0, 500) : detail;
		this.recorder
			.record(DeviceEvent.commandResult(EventIds.next(), this.clock.instant(), command.id(), outcome, text));
	}

	@FunctionalInterface
	private interface Task {

		String run() throws IOException;

	}

}
