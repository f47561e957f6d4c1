package io.sunboard.server.console;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.sunboard.server.device.Device;
import io.sunboard.server.command.DeviceCommandService;
import io.sunboard.server.device.DeviceRepository;
import io.sunboard.server.posting.Posting;
import io.sunboard.server.security.AccessPolicy;
import io.sunboard.server.device.DeviceStateRepository;
import io.sunboard.server.posting.PostingRepository;
import io.sunboard.server.school.School;
import io.sunboard.server.school.SchoolRepository;

/** The first console page: every screen with its state, and every posting. */
@Controller
@ConsolePage
class ConsoleController {

	static final String INDEX = "console/index";

	private final SchoolRepository schools;

	private final DeviceRepository devices;

	private final DeviceStateRepository states;

	private final PostingRepository postings;

	private final AccessPolicy access;

	private final DeviceCommandService commands;

	ConsoleController(SchoolRepository schools, DeviceRepository devices, DeviceStateRepository states,
			PostingRepository postings, AccessPolicy access, DeviceCommandService commands) {
		this.access = access;
		this.schools = schools;
		this.devices = devices;
		this.states = states;
		this.postings = postings;
		this.commands = commands;
	}

	@GetMapping("/")
	String index(Model model) {
		Map<String, School> schoolsById = this.schools.findAll()
			.stream()
			.collect(Collectors.toMap(School::id, Function.identity()));
		model.addAttribute("schools", schoolsById);
		model.addAttribute("devices", this.access.readable(this.devices.findAll(), Device::schoolId));
		model.addAttribute("states", this.states.findAll());
		model.addAttribute("postings", this.access.readable(this.postings.findAll(), Posting::schoolId));
		model.addAttribute("screenshots", this.commands.devicesWithScreenshots());
		return INDEX;
	}

}
