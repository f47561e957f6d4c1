package io.sunboard.server.device;

import java.util.Set;
import java.util.TreeSet;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.sunboard.server.system.NotFoundException;

/**
 * Tags on screens, such as {@code lobby} or {@code staff-room}, that group targets use.
 */
@Service
public class DeviceTagging {

	private final DeviceRepository devices;

	private final ApplicationEventPublisher events;

	DeviceTagging(DeviceRepository devices, ApplicationEventPublisher events) {
		this.devices = devices;
		this.events = events;
	}

	@Transactional
	public Set<String> replace(String deviceId, Set<String> tags) {
		Device device = this.devices.find(deviceId)
			.orElseThrow(
					() -> new NotFoundException("no screen '" + deviceId + "'; list them with GET /api/v1/devices"));
		this.devices.replaceTags(deviceId, tags);
		this.events.publishEvent(new DeviceTagsChanged(deviceId, device.schoolId()));
		return new TreeSet<>(tags);
	}

}
