package io.sunboard.server.device;

import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.sunboard.server.audit.AuditLog;
import io.sunboard.server.system.Actor;
import io.sunboard.server.system.ConflictException;
import io.sunboard.server.system.Jdbc;
import io.sunboard.server.system.NotFoundException;

/**
 * Screens that register themselves: a new screen asks to join a school and polls with a
 * token only it knows; an administrator authorises (creating the device) or rejects it;
 * the screen then collects its credentials once.
 */
@Service
public class DeviceRegistrations {

	private final JdbcClient jdbc;

	private final DeviceRegistry registry;

	private final AuditLog audit;

	private final Actor actor;

	private final Clock clock;

	DeviceRegistrations(JdbcClient jdbc, DeviceRegistry registry, AuditLog audit, Actor actor, Clock clock) {
		this.jdbc = jdbc;
		this.registry = registry;
		this.audit = audit;
		this.actor = actor;
		this.clock = clock;
	}

	/**
	 * Records a request; the answer's poll token is what the screen shows it is the same
	 * screen later.
	 */
	@Transactional
	public Requested request(String schoolId, String name, String profile) {
		Integer schools = this.jdbc.sql("select count(*) from school where id = ?")
			.param(schoolId)
			.query(Integer.class)
			.single();
		if (schools == 0) {
			throw new NotFoundException("no school '" + schoolId + "'; check the school code entered on the screen");
		}
		String id = "reg-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
		String token = DeviceSecrets.generate();
		this.jdbc
			.sql("insert into device_registration (id, poll_token_sha256, school_id, proposed_name, profile, status,"
					+ " created_at) values (?, ?, ?, ?, ?, 'PENDING', ?)")
			.params(id, DeviceSecrets.hash(token), schoolId, name, profile, Jdbc.utc(this.clock.instant()))
			.update();
		this.audit.record("device.registration-requested", schoolId, id, name);
		return new Requested(id, token);
	}

	public List<Registration> pending() {
		return this.jdbc.sql("select * from device_registration where status = 'PENDING' order by created_at")
			.query((rs, row) -> new Registration(rs.getString("id"), rs.getString("school_id"),
					rs.getString("proposed_name"), rs.getString("profile"), rs.getString("status"),
					rs.getString("device_id")))
			.list();
	}

	public Registration get(String id) {
		return this.jdbc.sql("select * from device_registration where id = ?")
			.param(id)
			.query((rs, row) -> new Registration(rs.getString("id"), rs.getString("school_id"),
					rs.getString("proposed_name"), rs.getString("profile"), rs.getString("status"),
					rs.getString("device_id")))
			.optional()
			.orElseThrow(() -> new NotFoundException("no registration '" + id + "'"));
	}

	@Transactional
	public Registration authorize(String id, String deviceId, String name) {
		Registration registration = requirePending(id);
		DeviceCredentials credentials = this.registry.register(deviceId, registration.schoolId(),
				(name != null && !name.isBlank()) ? name : registration.name(), registration.profile());
		this.jdbc
			.sql("update device_registration set status = 'AUTHORIZED', device_id = ?, pending_secret = ?,"
					+ " decided_at = ?, decided_by = ? where id = ?")
			.params(deviceId, credentials.secret(), Jdbc.utc(this.clock.instant()), this.actor.name(), id)
			.update();
		this.audit.record("device.registration-authorized", registration.schoolId(), id, deviceId);
		return get(id);
	}

	@Transactional
	public Registration reject(String id) {
		Registration registration = requirePending(id);
		this.jdbc.sql("update device_registration set status = 'REJECTED', decided_at = ?, decided_by = ? where id = ?")
			.params(Jdbc.utc(this.clock.instant()), this.actor.name(), id)
			.update();
		this.audit.record("device.registration-rejected", registration.schoolId(), id, registration.name());
		return get(id);
	}

	/**
	 * What the screen sees when it polls: the status, and once authorised its
	 * credentials, handed out this one time and then erased. Empty when the token is
	 * wrong.
	 */
	@Transactional
	public Optional<Poll> poll(String id, String token) {
		Optional<String> hash = this.jdbc.sql("select poll_token_sha256 from device_registration where id = ?")
			.param(id)
			.query(String.class)
			.optional();
		if (hash.isEmpty() || !DeviceSecrets.matches(token, hash.get())) {
			return Optional.empty();
		}
		Registration registration = get(id);
		String secret = this.jdbc.sql("select pending_secret from device_registration where id = ?")
			.param(id)
			.query(String.class)
			.optional()
			.orElse(null);
		if (secret != null) {
			this.jdbc.sql("update device_registration set pending_secret = null where id = ?").param(id).update();
		}
		return Optional.of(new Poll(registration.status(), registration.deviceId(), secret));
	}

	private Registration requirePending(String id) {
		Registration registration = get(id);
		if (!"PENDING".equals(registration.status())) {
			throw new ConflictException("registration '" + id + "' is " + registration.status().toLowerCase());
		}
		return registration;
	}

	/** A screen's request to join a school. */
	public record Registration(String id, String schoolId, String name, String profile, String status,
			String deviceId) {

	}

	/** Returned to the screen once, when it asks: keep the token to poll. */
	public record Requested(String registrationId, String pollToken) {

	}

	/**
	 * @param secret present once, on the first poll after authorisation
	 */
	public record Poll(String status, String deviceId, String secret) {

	}

}
