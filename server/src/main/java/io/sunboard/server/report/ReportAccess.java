package io.sunboard.server.report;

import org.springframework.stereotype.Component;

import io.sunboard.server.device.Device;
import io.sunboard.server.device.DeviceRepository;
import io.sunboard.server.posting.PostingService;
import io.sunboard.server.school.SchoolRepository;
import io.sunboard.server.security.AccessPolicy;
import io.sunboard.server.security.Permission;
import io.sunboard.server.system.NotFoundException;

/**
 * Who may read which report: a posting's or a screen's report needs read access at its
 * school, a school's at the school, a region's in the whole region.
 */
@Component
class ReportAccess {

	private final AccessPolicy access;

	private final PostingService postings;

	private final DeviceRepository devices;

	private final SchoolRepository schools;

	ReportAccess(AccessPolicy access, PostingService postings, DeviceRepository devices, SchoolRepository schools) {
		this.access = access;
		this.postings = postings;
		this.devices = devices;
		this.schools = schools;
	}

	void require(ReportQuery query) {
		switch (query.subject()) {
			case POSTING -> this.access.require(Permission.READ, this.postings.get(query.id()).schoolId());
			case DEVICE -> this.access.require(Permission.READ,
					this.devices.find(query.id())
						.map(Device::schoolId)
						.orElseThrow(() -> new NotFoundException("no screen '" + query.id() + "'")));
			case SCHOOL -> {
				this.schools.find(query.id())
					.orElseThrow(() -> new NotFoundException("no school '" + query.id() + "'"));
				this.access.require(Permission.READ, query.id());
			}
			case REGION -> this.access.requireRegion(Permission.READ, query.id());
		}
	}

}
