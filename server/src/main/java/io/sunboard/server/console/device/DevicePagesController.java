package io.sunboard.server.console.device;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.sunboard.server.console.ConsolePage;
import io.sunboard.server.device.Device;
import io.sunboard.server.device.DeviceProvisioning;
import io.sunboard.server.device.DeviceRegistrations;
import io.sunboard.server.device.DeviceRegistry;
import io.sunboard.server.device.DeviceRepository;
import io.sunboard.server.device.DeviceStateRepository;
import io.sunboard.server.device.DeviceTagging;
import io.sunboard.server.dispatch.ScreenOutlook;
import io.sunboard.server.school.School;
import io.sunboard.server.school.SchoolRepository;
import io.sunboard.server.security.AccessPolicy;
import io.sunboard.server.security.Permission;
import io.sunboard.server.system.ConflictException;

/**
 * The screens page: pending self-registrations to authorise or reject, and each screen's
 * rename, tags, provisioning bundle, credential rotation and retirement.
 */
@Controller
@ConsolePage
class DevicePagesController {

	static final String LIST = "console/device/list";

	static final String DETAIL = "console/device/detail";

	private static final Pattern TAG = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-]{0,63}");

	static final int MAX_TAGS = 20;

	private final DeviceRepository devices;

	private final DeviceStateRepository states;

	private final DeviceRegistry registry;

	private final DeviceRegistrations registrations;

	private final DeviceTagging tagging;

	private final DeviceProvisioning provisioning;

	private final ScreenOutlook outlook;

	private final SchoolRepository schools;

	private final AccessPolicy access;

	DevicePagesController(DeviceRepository devices, DeviceStateRepository states, DeviceRegistry registry,
			DeviceRegistrations registrations, DeviceTagging tagging, DeviceProvisioning provisioning,
			ScreenOutlook outlook, SchoolRepository schools, AccessPolicy access) {
		this.devices = devices;
		this.states = states;
		this.registry = registry;
		this.registrations = registrations;
		this.tagging = tagging;
		this.provisioning = provisioning;
		this.outlook = outlook;
		this.schools = schools;
		this.access = access;
	}

	@GetMapping("/console/devices")
	String list(Model model) {
		List<Device> readable = this.access.readable(this.devices.findAll(), Device::schoolId);
		model.addAttribute("devices", readable);
		model.addAttribute("states", this.states.findAll());
		model.addAttribute("tags",
				readable.stream().collect(Collectors.toMap(Device::id, (d) -> this.devices.tags(d.id()))));
		model.addAttribute("registrations",
				this.access.readable(this.registrations.pending(), DeviceRegistrations.Registration::schoolId));
		model.addAttribute("manageable",
				readable.stream()
					.map(Device::schoolId)
					.distinct()
					.filter((s) -> this.access.allowed(Permission.MANAGE, s))
					.collect(Collectors.toSet()));
		model.addAttribute("mayManageRegistrations",
				this.access.readable(this.registrations.pending(), DeviceRegistrations.Registration::schoolId)
					.stream()
					.filter((r) -> this.access.allowed(Permission.MANAGE, r.schoolId()))
					.map(DeviceRegistrations.Registration::id)
					.collect(Collectors.toSet()));
		model.addAttribute("schools", schoolsById());
		return LIST;
	}

	@GetMapping("/console/devices/{id}")
	String detail(@PathVariable String id, Model model) {
		Device device = this.registry.get(id);
		this.access.require(Permission.READ, device.schoolId());
		model.addAttribute("device", device);
		model.addAttribute("school", this.schools.find(device.schoolId()).orElseThrow());
		model.addAttribute("state", this.states.findAll().get(id));
		model.addAttribute("tags", String.join(", ", this.devices.tags(id)));
		model.addAttribute("outlook", this.outlook.nowAndNext(id, Duration.ofHours(24)));
		model.addAttribute("mayManage", device.active() && this.access.allowed(Permission.MANAGE, device.schoolId()));
		return DETAIL;
	}

	@PostMapping("/console/devices/{id}/rename")
	String rename(@PathVariable String id, @RequestParam(required = false) String name, RedirectAttributes redirect) {
		requireManage(id);
		return outcome(id, redirect, "device.notice.renamed", () -> this.registry.rename(id, name));
	}

	@PostMapping("/console/devices/{id}/tags")
	String tags(@PathVariable String id, @RequestParam(required = false) String tags, RedirectAttributes redirect) {
		requireManage(id);
		return outcome(id, redirect, "device.notice.tagged", () -> this.tagging.replace(id, parseTags(tags)));
	}

	@PostMapping("/console/devices/{id}/revoke")
	String revoke(@PathVariable String id, RedirectAttributes redirect) {
		requireManage(id);
		return outcome(id, redirect, "device.notice.revoked", () -> this.registry.revoke(id));
	}

	/**
	 * A new secret and the screen's configuration file as a download; the old secret
	 * stops working at once, so this is also how credentials are rotated.
	 */
	@PostMapping("/console/devices/{id}/provision")
	ResponseEntity<String> provision(@PathVariable String id) {
		requireManage(id);
		String bundle = this.provisioning.rotateAndBundle(id);
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + id + ".properties\"")
			.body(bundle);
	}

	@PostMapping("/console/registrations/{id}/authorize")
	String authorize(@PathVariable String id, @RequestParam(required = false) String deviceId,
			@RequestParam(required = false) String name, RedirectAttributes redirect) {
		this.access.require(Permission.MANAGE, this.registrations.get(id).schoolId());
		try {
			if (deviceId == null || deviceId.isBlank()) {
				throw new IllegalArgumentException("give the screen an id, such as lobby-2");
			}
			this.registrations.authorize(id, deviceId.strip(), name);
			redirect.addFlashAttribute("notice", "device.notice.authorized");
		}
		catch (IllegalArgumentException | ConflictException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/console/devices";
	}

	@PostMapping("/console/registrations/{id}/reject")
	String reject(@PathVariable String id, RedirectAttributes redirect) {
		this.access.require(Permission.MANAGE, this.registrations.get(id).schoolId());
		try {
			this.registrations.reject(id);
			redirect.addFlashAttribute("notice", "device.notice.rejected");
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/console/devices";
	}

	static Set<String> parseTags(String text) {
		Set<String> tags = new LinkedHashSet<>();
		if (text != null) {
			Arrays.stream(text.split("[,，\\s]+")).filter((t) -> !t.isBlank()).forEach(tags::add);
		}
		for (String tag : tags) {
			if (!TAG.matcher(tag).matches()) {
				throw new IllegalArgumentException(
						"a tag is 1-64 letters, digits, '-', '_' or '.', such as lobby; '" + tag + "' is not");
			}
		}
		if (tags.size() > MAX_TAGS) {
			throw new IllegalArgumentException("a screen has at most " + MAX_TAGS + " tags");
		}
		return tags;
	}

	private void requireManage(String id) {
		this.access.require(Permission.MANAGE, this.registry.get(id).schoolId());
	}

	private String outcome(String id, RedirectAttributes redirect, String notice, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("notice", notice);
		}
		catch (IllegalArgumentException | ConflictException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/console/devices/" + id;
	}

	private Map<String, School> schoolsById() {
		return this.schools.findAll().stream().collect(Collectors.toMap(School::id, Function.identity()));
	}

}
