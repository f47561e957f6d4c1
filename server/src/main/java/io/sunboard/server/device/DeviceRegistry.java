package io.sunboard.server.device;

import java.time.Clock;
import java.util.Collection;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.sunboard.protocol.Ids;
import io.sunboard.server.audit.AuditLog;
import io.sunboard.server.school.School;
import io.sunboard.server.school.SchoolRepository;
import io.sunboard.server.system.NotFoundException;

/**
 * Registers screens and checks their credentials. The broker account of a new screen is
 * created through {@link BrokerAccounts}, so a screen uses one secret for MQTT and for
 * HTTP.
 */
@Service
public class DeviceRegistry {

	private final DeviceRepository devices;

	private final SchoolRepository schools;

	private final BrokerAccounts brokerAccounts;

	private final AuditLog audit;

	private final Clock clock;

	private final RecentCredentials recent;

	DeviceRegistry(DeviceRepository devices, SchoolRepository schools, BrokerAccounts brokerAccounts, AuditLog audit,
			Clock clock) {
		this.audit = audit;
		this.devices = devices;
		this.schools = schools;
		this.brokerAccounts = brokerAccounts;
		this.clock = clock;
		this.recent = new RecentCredentials(clock);
	}

	/**
	 * Registers a screen and returns its credentials; the secret is not stored and cannot
	 * be shown again.
	 */
	@Transactional
	public DeviceCredentials register(String id, String schoolId, String name, String profile) {
		Ids.require(id, "device id");
		School school = this.schools.find(schoolId)
			.orElseThrow(() -> new NotFoundException("no school '" + schoolId + "'; create the school first"));
		if (this.devices.find(id).isPresent()) {
			throw new IllegalArgumentException("a device with id '" + id + "' exists already; choose another id");
		}
		String secret = DeviceSecrets.generate();
		Device device = new Device(id, schoolId, name, profile, true);
		this.devices.create(device, DeviceSecrets.hash(secret), this.clock.instant());
		this.brokerAccounts.provision(device, school, secret);
		this.audit.record("device.registered", schoolId, id, name + " (" + profile + ")");
		return new DeviceCredentials(id, secret);
	}

	/**
	 * A new secret for the screen; the old one stops working at once, at the broker too.
	 */
	@Transactional
	public DeviceCredentials rotate(String id) {
		Device device = activeDevice(id);
		String secret = DeviceSecrets.generate();
		this.devices.updateSecret(id, DeviceSecrets.hash(secret));
		forgetCredentials(id);
		this.brokerAccounts.rotate(device, secret);
		this.audit.record("device.credentials-rotated", device.schoolId(), id, null);
		return new DeviceCredentials(id, secret);
	}

	/**
	 * Retires the screen and revokes its credentials: cut off at the broker, refused over
	 * HTTP.
	 */
	@Transactional
	public void revoke(String id) {
		Device device = activeDevice(id);
		this.devices.deactivate(id);
		forgetCredentials(id);
		this.brokerAccounts.revoke(device);
		this.audit.record("device.revoked", device.schoolId(), id, device.name());
	}

	@Transactional
	public void rename(String id, String name) {
		Device device = activeDevice(id);
		if (name == null || name.isBlank() || name.length() > 200) {
			throw new IllegalArgumentException("name must be 1-200 characters");
		}
		this.devices.rename(id, name.strip());
		forgetCredentials(id);
		this.audit.record("device.renamed", device.schoolId(), id, device.name() + " -> " + name.strip());
	}

	public Device get(String id) {
		return this.devices.find(id).orElseThrow(() -> new NotFoundException("no screen '" + id + "'"));
	}

	private Device activeDevice(String id) {
		Device device = get(id);
		if (!device.active()) {
			throw new io.sunboard.server.system.ConflictException("screen '" + id + "' is retired");
		}
		return device;
	}

	/**
	 * The screen whose token an {@code Authorization: Bearer <device id>:<secret>} header
	 * carries, if it is active and the secret matches; empty for a missing or malformed
	 * header.
	 */
	public Optional<Device> authenticateBearer(String authorization) {
		if (authorization == null || !authorization.startsWith("Bearer ")) {
			return Optional.empty();
		}
		String token = authorization.substring("Bearer ".length());
		int colon = token.indexOf(':');
		if (colon <= 0) {
			return Optional.empty();
		}
		return authenticate(token.substring(0, colon), token.substring(colon + 1));
	}

	/**
	 * The active device these credentials belong to, if they are right. The screen's row
	 * is remembered for {@link RecentCredentials#TTL}; a rotation or retirement on this
	 * instance applies at once, on another instance within that time.
	 */
	public Optional<Device> authenticate(String deviceId, String secret) {
		if (!Ids.isValid(deviceId)) {
			return Optional.empty();
		}
		Optional<DeviceRepository.Credentials> credentials = this.recent.get(deviceId);
		if (credentials.isEmpty()) {
			long stamp = this.recent.stamp();
			credentials = this.devices.activeCredentials(deviceId);
			credentials.ifPresent((c) -> this.recent.put(c, stamp));
		}
		return credentials.filter((c) -> DeviceSecrets.matches(secret, c.secretSha256()))
			.map(DeviceRepository.Credentials::device);
	}

	/**
	 * Taken before reading screens' credentials for {@link #rememberCredentials}: tells
	 * whether a rotation or retirement on this instance may have come in between.
	 */
	public long credentialsStamp() {
		return this.recent.stamp();
	}

	/**
	 * Remembers credentials read (committed) after {@code stamp}, as a download would: a
	 * region fan-out reads every screen's row once, and the download each screen makes
	 * next need not read it again (docs/scaling.md). Kept only if no screen was forgotten
	 * since the stamp.
	 */
	public void rememberCredentials(Collection<DeviceRepository.Credentials> read, long stamp) {
		this.recent.putAll(read, stamp);
	}

	/**
	 * Forgets the screen's remembered credentials now and once the change commits: a
	 * request between the two could otherwise remember the row as it was before.
	 */
	private void forgetCredentials(String id) {
		this.recent.forget(id);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					DeviceRegistry.this.recent.forget(id);
				}
			});
		}
	}

}
