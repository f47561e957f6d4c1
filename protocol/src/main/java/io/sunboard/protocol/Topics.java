package io.sunboard.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Every MQTT topic Sunboard uses, built from one configurable root (default
 * {@code sunboard/v1}). Device ids, school ids and region ids become single topic levels,
 * so they must be valid {@link Ids identifiers}.
 */
public record Topics(String root) {

	public static final String DEFAULT_ROOT = "sunboard/v1";

	/**
	 * Shared-subscription group that server instances join so they split ingest between
	 * them.
	 */
	public static final String SHARE_GROUP = "sunboard";

	private static final Pattern ROOT = Pattern.compile("[A-Za-z0-9_\\-]+(/[A-Za-z0-9_\\-]+)*");

	public Topics {
		if (root == null || !ROOT.matcher(root).matches()) {
			throw new IllegalArgumentException(
					"topic root must be levels of letters, digits, '-' or '_' separated by '/', e.g. sunboard/v1; got "
							+ root);
		}
	}

	public static Topics defaults() {
		return new Topics(DEFAULT_ROOT);
	}

	/** Server to device, QoS 1, retained: the device's full desired state. */
	public String manifest(String deviceId) {
		return device(deviceId, DeviceChannel.MANIFEST);
	}

	/** Server to device, QoS 1 with message expiry: one command. */
	public String command(String deviceId) {
		return device(deviceId, DeviceChannel.COMMAND);
	}

	/**
	 * Server to device, QoS 1: the event ids the server has stored, so the journal may
	 * drop them.
	 */
	public String ack(String deviceId) {
		return device(deviceId, DeviceChannel.ACK);
	}

	/** Device to server, QoS 1, retained: online / offline (the last will). */
	public String status(String deviceId) {
		return device(deviceId, DeviceChannel.STATUS);
	}

	/** Device to server, QoS 0: heartbeat with health figures. */
	public String heartbeat(String deviceId) {
		return device(deviceId, DeviceChannel.HEARTBEAT);
	}

	/** Device to server, QoS 1: a batch of journal events. */
	public String events(String deviceId) {
		return device(deviceId, DeviceChannel.EVENTS);
	}

	/**
	 * Server to devices of a school, QoS 1, retained; an empty retained payload clears
	 * it.
	 */
	public String schoolAlert(String schoolId) {
		return root + "/s/" + Ids.require(schoolId, "schoolId") + "/alert";
	}

	/**
	 * Server to devices of a region, QoS 1, retained; an empty retained payload clears
	 * it.
	 */
	public String regionAlert(String regionId) {
		return root + "/r/" + Ids.require(regionId, "regionId") + "/alert";
	}

	/**
	 * What a server instance subscribes to for one device-to-server channel of every
	 * device.
	 */
	public String sharedSubscription(DeviceChannel channel) {
		return "$share/" + SHARE_GROUP + "/" + root + "/d/+/" + channel.level();
	}

	/**
	 * Filter matching one channel of every device, without a shared-subscription prefix.
	 */
	public String allDevices(DeviceChannel channel) {
		return root + "/d/+/" + channel.level();
	}

	/**
	 * Parses a device topic. Empty when the topic is not
	 * {@code root/d/{deviceId}/{channel}} with a valid device id and a known channel,
	 * which callers count as a rejection.
	 */
	public Optional<DeviceTopic> parseDevice(String topic) {
		if (topic == null || !topic.startsWith(root + "/d/")) {
			return Optional.empty();
		}
		String rest = topic.substring(root.length() + 3);
		int slash = rest.indexOf('/');
		if (slash <= 0 || rest.indexOf('/', slash + 1) >= 0) {
			return Optional.empty();
		}
		String deviceId = rest.substring(0, slash);
		if (!Ids.isValid(deviceId)) {
			return Optional.empty();
		}
		return DeviceChannel.fromLevel(rest.substring(slash + 1)).map((c) -> new DeviceTopic(deviceId, c));
	}

	/**
	 * Everything a device may do: read its own manifest, commands and acks and its
	 * school's and region's alerts; write its own status, heartbeat and events. Nothing
	 * else.
	 */
	public List<TopicGrant> deviceGrants(String deviceId, String schoolId, String regionId) {
		List<TopicGrant> grants = new ArrayList<>();
		for (DeviceChannel channel : DeviceChannel.values()) {
			TopicGrant.Access access = channel.fromDevice() ? TopicGrant.Access.PUBLISH : TopicGrant.Access.SUBSCRIBE;
			grants.add(new TopicGrant(device(deviceId, channel), access));
		}
		if (schoolId != null) {
			grants.add(new TopicGrant(schoolAlert(schoolId), TopicGrant.Access.SUBSCRIBE));
		}
		if (regionId != null) {
			grants.add(new TopicGrant(regionAlert(regionId), TopicGrant.Access.SUBSCRIBE));
		}
		return List.copyOf(grants);
	}

	private String device(String deviceId, DeviceChannel channel) {
		return root + "/d/" + Ids.require(deviceId, "deviceId") + "/" + channel.level();
	}

	/** A parsed device topic. */
	public record DeviceTopic(String deviceId, DeviceChannel channel) {
	}

}
