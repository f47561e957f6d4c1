package io.sunboard.kiosk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sunboard.protocol.Alert;
import io.sunboard.protocol.JsonCodec;
import io.sunboard.protocol.MalformedMessageException;
import io.sunboard.protocol.Manifest;
import io.sunboard.protocol.Topics;

/**
 * The emergency alerts of the screen's school and region. The screen learns which topics
 * to follow from its manifest; an alert is retained on the broker, an empty retained
 * payload clears it. While any alert is active the player shows the newest one instead of
 * its loop.
 */
final class Alerts {

	private static final Logger log = LoggerFactory.getLogger(Alerts.class);

	private final JsonCodec codec;

	private final Topics topics;

	private final Consumer<List<String>> subscribe;

	private final Map<String, Alert> active = new HashMap<>();

	private List<String> followed = List.of();

	private Runnable changed = () -> {
	};

	/**
	 * @param subscribe asked to subscribe to alert topics learned while the session is up
	 */
	Alerts(JsonCodec codec, Topics topics, Consumer<List<String>> subscribe) {
		this.codec = codec;
		this.topics = topics;
		this.subscribe = subscribe;
	}

	/** Alerts that are never raised, for a player without a broker. */
	static Alerts none() {
		return new Alerts(new JsonCodec(), Topics.defaults(), (t) -> {
		});
	}

	void onChange(Runnable changed) {
		this.changed = changed;
	}

	/** Follows the school and region the manifest names. */
	void follow(Manifest manifest) {
		List<String> wanted = new ArrayList<>();
		if (manifest != null) {
			wanted.add(this.topics.schoolAlert(manifest.schoolId()));
			if (manifest.regionId() != null) {
				wanted.add(this.topics.regionAlert(manifest.regionId()));
			}
		}
		List<String> added;
		synchronized (this) {
			if (wanted.equals(this.followed)) {
				return;
			}
			added = wanted.stream().filter((t) -> !this.followed.contains(t)).toList();
			this.followed = List.copyOf(wanted);
			this.active.keySet().retainAll(wanted);
		}
		if (!added.isEmpty()) {
			this.subscribe.accept(added);
		}
		this.changed.run();
	}

	/** The alert topics to subscribe to at every connect. */
	synchronized List<String> topics() {
		return this.followed;
	}

	synchronized boolean handles(String topic) {
		return this.followed.contains(topic);
	}

	/** An alert, or an empty payload that clears it. */
	void received(String topic, byte[] payload) {
		Alert alert = null;
		if (payload.length > 0) {
			try {
				alert = this.codec.decode(payload, Alert.class);
			}
			catch (MalformedMessageException ex) {
				log.warn("Ignoring an alert on {} that is not valid: {}", topic, ex.getMessage());
				return;
			}
		}
		synchronized (this) {
			if (!this.followed.contains(topic)) {
				return;
			}
			if (alert == null) {
				this.active.remove(topic);
			}
			else {
				this.active.put(topic, alert);
			}
		}
		log.info((alert != null) ? "Alert {} raised on {}" : "Alert cleared on {}",
				(alert != null) ? alert.id() : topic, topic);
		this.changed.run();
	}

	/** The newest active alert, if any. */
	synchronized Optional<Alert> current() {
		return this.active.values().stream().max(Comparator.comparing(Alert::issuedAt).thenComparing(Alert::id));
	}

}
