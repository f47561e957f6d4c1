package io.sunboard.server.alert;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.sunboard.protocol.Alert;
import io.sunboard.protocol.JsonCodec;
import io.sunboard.protocol.MalformedMessageException;
import io.sunboard.protocol.Topics;
import io.sunboard.server.broker.BrokerConnected;
import io.sunboard.server.broker.MqttPublisher;
import io.sunboard.server.audit.AuditLog;
import io.sunboard.server.school.SchoolRepository;
import io.sunboard.server.system.NotFoundException;

/**
 * Raises and clears emergency alerts: exactly one retained publish on the school's or
 * region's alert topic each, whatever the number of screens. Counted in
 * {@code sunboard.alerts.published{action=raise|clear}}.
 */
@Service
public class AlertService {

	private static final Logger log = LoggerFactory.getLogger(AlertService.class);

	private static final byte[] CLEAR = new byte[0];

	private static final int QOS = 1;

	/** The longest alert text, in characters, that screens are sent. */
	static final int MAX_TEXT = 2000;

	private final SchoolRepository schools;

	private final AlertRepository alerts;

	private final MqttPublisher publisher;

	private final Topics topics;

	private final JsonCodec codec;

	private final MeterRegistry meters;

	private final AuditLog audit;

	private final Clock clock;

	AlertService(SchoolRepository schools, AlertRepository alerts, MqttPublisher publisher, Topics topics,
			JsonCodec codec, MeterRegistry meters, AuditLog audit, Clock clock) {
		this.schools = schools;
		this.alerts = alerts;
		this.publisher = publisher;
		this.topics = topics;
		this.codec = codec;
		this.meters = meters;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public RaisedAlert raise(AlertScope scope, String targetId, String text) {
		requireTarget(scope, targetId);
		if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
			throw new IllegalArgumentException(
					"text is required: the alert as screens should show it (1-2000 characters)");
		}
		Instant now = this.clock.instant();
		Alert alert = new Alert("a-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()), text.strip(),
				now);
		byte[] payload = this.codec.encode(alert);
		this.alerts.save(scope, targetId, new String(payload, StandardCharsets.UTF_8), now);
		// who told every screen of a school or region to show what, and when
		this.audit.record("alert.raised", schoolOf(scope, targetId), alert.id(),
				scope.label() + " " + targetId + ": " + alert.text());
		String topic = topic(scope, targetId);
		publish(topic, payload, "raise");
		log.info("Alert {} raised for {} {}", alert.id(), scope.label(), targetId);
		return new RaisedAlert(alert.id(), scope.label(), targetId, topic, now);
	}

	@Transactional
	public void clear(AlertScope scope, String targetId) {
		requireTarget(scope, targetId);
		if (!this.alerts.delete(scope, targetId)) {
			throw new NotFoundException("no alert is in force for " + scope.label() + " '" + targetId + "'");
		}
		this.audit.record("alert.cleared", schoolOf(scope, targetId), null, scope.label() + " " + targetId);
		publish(topic(scope, targetId), CLEAR, "clear");
		log.info("Alert cleared for {} {}", scope.label(), targetId);
	}

	/** The school an alert concerns, for the audit log's scoping; null for a region. */
	private static String schoolOf(AlertScope scope, String targetId) {
		return (scope == AlertScope.SCHOOL) ? targetId : null;
	}

	/** The alerts in force, as screens show them, by scope and target. */
	List<InForce> inForce() {
		return this.alerts.findAll()
			.stream()
			.map((active) -> new InForce(active.scope(), active.targetId(), decode(active.payload()).text(),
					active.issuedAt()))
			.toList();
	}

	/** The broker may have lost retained messages: the alerts in force go out again. */
	@EventListener
	void onBrokerConnected(BrokerConnected event) {
		if (event.brokerMayHaveLostRetained()) {
			for (AlertRepository.Active active : this.alerts.findAll()) {
				publish(topic(active.scope(), active.targetId()), active.payload().getBytes(StandardCharsets.UTF_8),
						"republish");
			}
		}
	}

	private void publish(String topic, byte[] payload, String action) {
		this.publisher.publish(topic, payload, QOS, true);
		this.meters.counter("sunboard.alerts.published", "action", action).increment();
	}

	private Alert decode(String payload) {
		try {
			return this.codec.decode(payload.getBytes(StandardCharsets.UTF_8), Alert.class);
		}
		catch (MalformedMessageException ex) {
			// only this service writes the payload, from an Alert it encoded itself
			throw new IllegalStateException("stored alert payload is not an alert: " + payload, ex);
		}
	}

	private String topic(AlertScope scope, String targetId) {
		return (scope == AlertScope.SCHOOL) ? this.topics.schoolAlert(targetId) : this.topics.regionAlert(targetId);
	}

	private void requireTarget(AlertScope scope, String targetId) {
		boolean exists = (targetId != null) && ((scope == AlertScope.SCHOOL) ? this.schools.find(targetId).isPresent()
				: this.schools.regionExists(targetId));
		if (!exists) {
			throw new NotFoundException(
					"no " + scope.label() + " '" + targetId + "'; list them with GET /api/v1/schools");
		}
	}

	/** An alert in force: what its screens show since when. */
	record InForce(AlertScope scope, String targetId, String text, Instant issuedAt) {
	}

	/** What the API answers for a raised alert. */
	public record RaisedAlert(String id, String scope, String targetId, String topic, Instant issuedAt) {
	}

}
