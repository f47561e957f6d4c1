package io.sunboard.server.command;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.sunboard.protocol.Command;
import io.sunboard.protocol.DeviceChannel;
import io.sunboard.protocol.JsonCodec;
import io.sunboard.protocol.Topics;
import io.sunboard.server.broker.MqttGateway;
import io.sunboard.server.device.DeviceRepository;
import io.sunboard.server.system.NotFoundException;

/**
 * Issues commands to screens. A command carries its deadline twice: as {@code expiresAt}
 * for the screen (which ignores it once passed, however late it arrives) and as the MQTT
 * message expiry, so the broker drops it for a screen that stays offline.
 */
@Service
public class DeviceCommandService {

	static final int MIN_TTL_SECONDS = 5;

	static final int MAX_TTL_SECONDS = 86_400;

	private static final Logger log = LoggerFactory.getLogger(DeviceCommandService.class);

	private final DeviceCommandRepository commands;

	private final DeviceRepository devices;

	private final MqttGateway gateway;

	private final Topics topics;

	private final JsonCodec codec;

	private final Clock clock;

	DeviceCommandService(DeviceCommandRepository commands, DeviceRepository devices, MqttGateway gateway, Topics topics,
			JsonCodec codec, Clock clock) {
		this.commands = commands;
		this.devices = devices;
		this.gateway = gateway;
		this.topics = topics;
		this.codec = codec;
		this.clock = clock;
	}

	/**
	 * @throws NotFoundException for an unknown screen
	 * @throws IllegalArgumentException for an unknown command or a ttl out of range
	 */
	public DeviceCommand issue(String deviceId, String name, int ttlSeconds, String issuedBy) {
		this.devices.find(deviceId).orElseThrow(() -> new NotFoundException("No screen with id " + deviceId));
		if (!Command.NAMES.contains(name)) {
			throw new IllegalArgumentException(
					"name must be one of " + new TreeSet<>(Command.NAMES) + "; got '" + name + "'");
		}
		if (ttlSeconds < MIN_TTL_SECONDS || ttlSeconds > MAX_TTL_SECONDS) {
			throw new IllegalArgumentException("ttlSeconds must be " + MIN_TTL_SECONDS + "-" + MAX_TTL_SECONDS
					+ " (how long the screen may still act on it); got " + ttlSeconds);
		}
		Instant now = this.clock.instant();
		String id = "c-" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
		DeviceCommand command = new DeviceCommand(id, deviceId, name, now, now.plus(Duration.ofSeconds(ttlSeconds)),
				issuedBy, null, null, null);
		this.commands.insert(command);
		Command message = new Command(id, name, now, command.expiresAt());
		this.gateway.publishExpiring(this.topics.command(deviceId), this.codec.encode(message),
				DeviceChannel.COMMAND.qos(), ttlSeconds);
		log.info("Command {} ({}) to {} by {}, expires {}", id, name, deviceId, issuedBy, command.expiresAt());
		return command;
	}

	public Optional<DeviceCommand> find(String commandId) {
		return this.commands.find(commandId);
	}

	/** Screens with at least one screenshot, for the console's link to the latest. */
	public Set<String> devicesWithScreenshots() {
		return this.commands.devicesWithScreenshots();
	}

	public List<DeviceCommand> recent(String deviceId) {
		this.devices.find(deviceId).orElseThrow(() -> new NotFoundException("No screen with id " + deviceId));
		return this.commands.forDevice(deviceId, 50);
	}

}
