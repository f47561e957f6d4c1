package io.sunboard.kiosk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sunboard.protocol.DeviceChannel;
import io.sunboard.protocol.EventAck;
import io.sunboard.protocol.EventBatch;
import io.sunboard.protocol.JsonCodec;
import io.sunboard.protocol.MalformedMessageException;

/**
 * Sends the journal's pending events in order, in batches, while connected, and drops
 * each from the journal only when the server's {@link EventAck} names it. Events not
 * acknowledged within the timeout, or in flight when the connection drops, are sent
 * again; the server stores (device, event id) once.
 * <p>
 * Confined to the inbox thread: {@link #wake()} is the only method other threads call.
 */
final class EventSender {

	static final int BATCH_SIZE = 100;

	/** Stays below a broker's receive maximum (Mosquitto's default is 20 messages). */
	static final int MAX_IN_FLIGHT = 10 * BATCH_SIZE;

	private static final Logger log = LoggerFactory.getLogger(EventSender.class);

	private final EventJournal journal;

	private final BrokerConnection broker;

	private final Identity identity;

	private final JsonCodec codec;

	private final Clock clock;

	private final Duration ackTimeout;

	private final Executor inbox;

	/** Event id to where it is in the journal and when it was sent. */
	private final Map<String, InFlight> inFlight = new LinkedHashMap<>();

	private final Set<Long> inFlightSequences = new HashSet<>();

	EventSender(EventJournal journal, BrokerConnection broker, Identity identity, JsonCodec codec, Clock clock,
			Duration ackTimeout, Executor inbox) {
		this.journal = journal;
		this.broker = broker;
		this.identity = identity;
		this.codec = codec;
		this.clock = clock;
		this.ackTimeout = ackTimeout;
		this.inbox = inbox;
	}

	/**
	 * Asks for a send on the inbox thread: after an event is recorded, and periodically.
	 */
	void wake() {
		try {
			this.inbox.execute(this::flush);
		}
		catch (RejectedExecutionException ex) {
			// closing: the journal keeps the events for the next start
		}
	}

	/**
	 * A new session: whatever was in flight on the old one may be lost, so resend all.
	 */
	void connected() {
		clearInFlight();
		flush();
	}

	void disconnected() {
		clearInFlight();
	}

	/** Handles the server's receipt on the ack topic. */
	void acknowledged(byte[] payload) {
		EventAck ack;
		try {
			ack = this.codec.decode(payload, EventAck.class);
		}
		catch (MalformedMessageException ex) {
			log.warn("Ignoring malformed event ack: {}", ex.getMessage());
			return;
		}
		for (String id : ack.eventIds()) {
			InFlight sent = this.inFlight.remove(id);
			// An id not in flight was acknowledged before, or sent before a restart; it
			// is (or will be) sent again and acknowledged then.
			if (sent != null) {
				this.inFlightSequences.remove(sent.sequence());
				this.journal.remove(sent.sequence());
			}
		}
		flush();
	}

	void flush() {
		if (!this.broker.isConnected()) {
			return;
		}
		expireUnacknowledged();
		while (this.inFlight.size() < MAX_IN_FLIGHT) {
			List<EventJournal.Entry> entries = this.journal.peek(BATCH_SIZE, this.inFlightSequences::contains);
			if (entries.isEmpty() || !send(entries)) {
				return;
			}
		}
	}

	private boolean send(List<EventJournal.Entry> entries) {
		EventBatch batch = new EventBatch(this.identity.deviceId(),
				entries.stream().map(EventJournal.Entry::event).toList());
		boolean accepted = this.broker.publish(this.identity.topics().events(this.identity.deviceId()),
				this.codec.encode(batch), DeviceChannel.EVENTS.qos(), DeviceChannel.EVENTS.retained());
		if (accepted) {
			Instant now = this.clock.instant();
			for (EventJournal.Entry entry : entries) {
				this.inFlight.put(entry.event().id(), new InFlight(entry.sequence(), now));
				this.inFlightSequences.add(entry.sequence());
			}
		}
		return accepted;
	}

	/** Makes events whose ack is overdue eligible to be sent again. */
	private void expireUnacknowledged() {
		Instant cutoff = this.clock.instant().minus(this.ackTimeout);
		this.inFlight.values().removeIf((sent) -> {
			boolean overdue = sent.sentAt().isBefore(cutoff);
			if (overdue) {
				this.inFlightSequences.remove(sent.sequence());
			}
			return overdue;
		});
	}

	private void clearInFlight() {
		this.inFlight.clear();
		this.inFlightSequences.clear();
	}

	int inFlightCount() {
		return this.inFlight.size();
	}

	private record InFlight(long sequence, Instant sentAt) {
	}

}
