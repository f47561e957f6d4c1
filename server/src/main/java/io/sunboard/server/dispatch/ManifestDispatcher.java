package io.sunboard.server.dispatch;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.sunboard.protocol.DeviceChannel;
import io.sunboard.protocol.JsonCodec;
import io.sunboard.protocol.Manifest;
import io.sunboard.protocol.ManifestItem;
import io.sunboard.protocol.ManifestWriter;
import io.sunboard.protocol.Topics;
import io.sunboard.server.broker.MqttPublisher;
import io.sunboard.server.device.Device;
import io.sunboard.server.device.DeviceRegistry;
import io.sunboard.server.device.DeviceRepository;
import io.sunboard.server.posting.Posting;
import io.sunboard.server.posting.PostingRepository;
import io.sunboard.server.schedule.ScheduleEntry;
import io.sunboard.server.schedule.ScheduleRepository;
import io.sunboard.server.school.School;
import io.sunboard.server.school.SchoolRepository;
import io.sunboard.server.system.Threads;

/**
 * Recomputes the manifests of a school's screens and publishes, retained, those whose
 * content hash changed. Changes are taken one at a time (see {@link DispatchTriggers});
 * the schools of a region or of everything are dispatched in parallel, each under its own
 * school row lock, so two dispatches never race for a screen's version.
 */
@Service
public class ManifestDispatcher implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ManifestDispatcher.class);

	private final SchoolRepository schools;

	private final DeviceRepository devices;

	private final PostingRepository postings;

	private final ScheduleRepository schedule;

	private final DeviceManifestRepository manifests;

	private final ManifestBuilder builder;

	private final MqttPublisher publisher;

	private final Topics topics;

	private final JsonCodec codec;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final ManifestReferences references;

	private final DeviceRegistry registry;

	private final CarriedDocuments carried;

	private final ManifestOrder order = new ManifestOrder();

	/** Schools of a region go out side by side, one per core. */
	private final ExecutorService schoolLanes = Executors.newFixedThreadPool(
			Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())), Threads.named("dispatch-school"));

	ManifestDispatcher(SchoolRepository schools, DeviceRepository devices, PostingRepository postings,
			ScheduleRepository schedule, DeviceManifestRepository manifests, ManifestBuilder builder,
			MqttPublisher publisher, Topics topics, JsonCodec codec, Clock clock,
			PlatformTransactionManager transactionManager, ApplicationEventPublisher events,
			ManifestReferences references, DeviceRegistry registry, CarriedDocuments carried) {
		this.carried = carried;
		this.references = references;
		this.registry = registry;
		this.transactions = new TransactionTemplate(transactionManager);
		this.events = events;
		this.schools = schools;
		this.devices = devices;
		this.postings = postings;
		this.schedule = schedule;
		this.manifests = manifests;
		this.builder = builder;
		this.publisher = publisher;
		this.topics = topics;
		this.codec = codec;
		this.clock = clock;
	}

	/**
	 * Recomputes one school's screens; returns how many manifests were published. Holds
	 * the school's row lock while it compares and stores manifests, so a second server
	 * instance dispatching the same school waits, then finds every hash current and
	 * publishes nothing: each change goes out once (docs/scaling.md).
	 */
	public int dispatchSchool(String schoolId) {
		Map<String, Outgoing> outbox = new LinkedHashMap<>();
		long credentialsStamp = this.registry.credentialsStamp();
		SchoolPlan plan = this.transactions.execute((status) -> {
			outbox.clear();
			return this.manifests.lockSchool(schoolId) ? dispatchLocked(schoolId, outbox) : null;
		});
		if (plan != null) {
			this.carried.dispatched(schoolId, plan);
		}
		// each screen sent a manifest downloads at once the new content it did not carry:
		// the screen's credentials, read here anyway, spare each download a query
		this.registry.rememberCredentials(outbox.values().stream().map(Outgoing::credentials).toList(),
				credentialsStamp);
		// sent only once committed: a screen fetches the new content at once, and the
		// server hands out only what the screen's stored manifest references
		outbox.forEach((deviceId, outgoing) -> {
			this.references.remember(deviceId, outgoing.version(), outgoing.hash(), outgoing.items());
			publish(deviceId, outgoing.version(), outgoing.payload());
		});
		return outbox.size();
	}

	/** Returns the school's plan, null when there is no such school. */
	private SchoolPlan dispatchLocked(String schoolId, Map<String, Outgoing> outbox) {
		Instant now = this.clock.instant();
		School school = this.schools.find(schoolId).orElse(null);
		if (school == null) {
			return null;
		}
		List<ScheduleEntry> entries = this.schedule.findCurrent(schoolId, school.regionId(), now);
		Map<String, Posting> byId = new HashMap<>();
		this.postings.findBySchool(schoolId).forEach((p) -> byId.put(p.id(), p));
		for (ScheduleEntry entry : entries) {
			if (!byId.containsKey(entry.postingId())) {
				// a region-wide posting of another school of the region
				this.postings.find(entry.postingId()).ifPresent((p) -> byId.put(p.id(), p));
			}
		}
		SchoolPlan plan = this.builder.plan(school, entries, byId, now);
		CarriedDocuments.Offer offer = this.carried.offer(schoolId, plan);
		Map<String, Set<String>> tags = this.devices.tagsBySchool(schoolId);
		Map<String, DeviceManifestRepository.Current> previous = this.manifests.currentBySchool(schoolId);
		List<DeviceManifestRepository.Stored> changed = new ArrayList<>();
		List<ManifestPublished> published = new ArrayList<>();
		ManifestWriter writer = new ManifestWriter(this.codec);
		for (DeviceRepository.Credentials screen : this.devices.activeCredentialsBySchool(schoolId)) {
			Device device = screen.device();
			List<ManifestItem> items = this.builder.items(plan, device.id(), tags.getOrDefault(device.id(), Set.of()));
			String hash = this.builder.contentHash(device.id(), school, items, writer);
			DeviceManifestRepository.Current before = previous.get(device.id());
			if (before != null && before.contentHash().equals(hash)) {
				continue;
			}
			long version = (before != null) ? before.version() + 1 : 1;
			byte[] payload = writer.encode(new Manifest(Manifest.SCHEMA, device.id(), school.id(), school.name(),
					version, hash, now, items, school.regionId(), offer.forItems(items)));
			changed.add(new DeviceManifestRepository.Stored(device.id(), version, hash,
					new String(payload, StandardCharsets.UTF_8)));
			published.add(new ManifestPublished(device.id(), version, now, items));
			outbox.put(device.id(), new Outgoing(payload, version, hash, items, screen));
		}
		if (!changed.isEmpty()) {
			this.manifests.saveAll(changed, previous.keySet(), now);
			this.events.publishEvent(new ManifestsPublished(published));
			log.debug("Published {} manifests at school {}", changed.size(), schoolId);
		}
		return plan;
	}

	/** Recomputes the screens of every school of a region. */
	public int dispatchRegion(String regionId) {
		return dispatchEach(this.schools.findAll().stream().filter((s) -> s.regionId().equals(regionId)).toList());
	}

	public int dispatchAll() {
		return dispatchEach(this.schools.findAll());
	}

	/**
	 * Dispatches the schools side by side, as one burst for the publisher: the screens'
	 * reports wait until the manifests are out.
	 */
	private int dispatchEach(List<School> schools) {
		int[] published = { 0 };
		this.publisher.burst(() -> published[0] = dispatchInParallel(schools));
		return published[0];
	}

	private int dispatchInParallel(List<School> schools) {
		List<Future<Integer>> done = new ArrayList<>();
		for (School school : schools) {
			done.add(this.schoolLanes.submit(() -> dispatchSchool(school.id())));
		}
		int published = 0;
		for (Future<Integer> f : done) {
			try {
				published += f.get();
			}
			catch (ExecutionException ex) {
				// one school's failure must not hold back the others; the next change or
				// roll-forward retries it
				log.error("Dispatch of a school failed", ex.getCause());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return published;
			}
		}
		return published;
	}

	/**
	 * Publishes every stored manifest again, retained. Used when the broker may have lost
	 * its retained messages (the embedded broker keeps them in memory only).
	 */
	public synchronized void republishAll() {
		for (DeviceManifestRepository.Stored stored : this.manifests.findAll()) {
			publish(stored.deviceId(), stored.version(), stored.payload().getBytes(StandardCharsets.UTF_8));
		}
	}

	@Override
	public void destroy() {
		this.schoolLanes.shutdownNow();
	}

	/** A committed manifest on its way out. */
	private record Outgoing(byte[] payload, long version, String hash, List<ManifestItem> items,
			DeviceRepository.Credentials credentials) {

	}

	/**
	 * Retained, unless a newer version went out meanwhile (see {@link ManifestOrder}).
	 */
	private void publish(String deviceId, long version, byte[] payload) {
		DeviceChannel channel = DeviceChannel.MANIFEST;
		boolean sent = this.order.publish(deviceId, version, () -> this.publisher
			.publish(this.topics.manifest(deviceId), payload, channel.qos(), channel.retained()));
		if (!sent) {
			log.debug("Manifest {} of screen {} not published: a newer one went out first", version, deviceId);
		}
	}

}
