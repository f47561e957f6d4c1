package io.sunboard.kiosk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.sunboard.protocol.DeviceChannel;
import io.sunboard.protocol.Heartbeat;
import io.sunboard.protocol.JsonCodec;

/**
 * Publishes a heartbeat every interval while connected: what the screen applied and
 * shows, how far behind its journal is, and how healthy the machine is. QoS 0; a lost one
 * is replaced by the next.
 */
final class Heartbeats {

	private final Identity identity;

	private final BrokerConnection broker;

	private final JsonCodec codec;

	private final Clock clock;

	private final Instant startedAt;

	private final ManifestUpdater manifests;

	private final Player player;

	private final EventJournal journal;

	private final ContentStore content;

	private final Path dataDir;

	private final ClockOffset clockOffset;

	Heartbeats(Identity identity, BrokerConnection broker, JsonCodec codec, Clock clock, ManifestUpdater manifests,
			Player player, EventJournal journal, ContentStore content, Path dataDir, ClockOffset clockOffset) {
		this.identity = identity;
		this.broker = broker;
		this.codec = codec;
		this.clock = clock;
		this.startedAt = clock.instant();
		this.manifests = manifests;
		this.player = player;
		this.journal = journal;
		this.content = content;
		this.dataDir = dataDir;
		this.clockOffset = clockOffset;
	}

	void beat() {
		if (!this.broker.isConnected()) {
			return;
		}
		this.broker.publish(this.identity.topics().heartbeat(this.identity.deviceId()), this.codec.encode(current()),
				DeviceChannel.HEARTBEAT.qos(), DeviceChannel.HEARTBEAT.retained());
	}

	Heartbeat current() {
		Instant now = this.clock.instant();
		long uptime = Math.max(0, Duration.between(this.startedAt, now).toSeconds());
		Runtime runtime = Runtime.getRuntime();
		return new Heartbeat(this.identity.deviceId(), now, uptime, Math.max(0, this.manifests.appliedVersion()),
				this.player.nowPlaying(), this.journal.depth(), this.content.sizeBytes(),
				runtime.totalMemory() - runtime.freeMemory(), diskFree(), this.identity.clientVersion(),
				this.clockOffset.offsetMs());
	}

	private long diskFree() {
		try {
			return Files.getFileStore(this.dataDir).getUsableSpace();
		}
		catch (IOException ex) {
			return 0;
		}
	}

}
