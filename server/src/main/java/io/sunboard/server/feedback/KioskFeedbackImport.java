package io.sunboard.server.feedback;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import io.sunboard.protocol.EventType;
import io.sunboard.server.ingest.EventsStored;

/**
 * Brings kiosk feedback into the inbox once ingest has committed it, and at start for
 * anything a crash left between the two (the import looks at what is missing, not at the
 * event, so it never loses or doubles an item).
 */
@Component
class KioskFeedbackImport {

	private static final Logger log = LoggerFactory.getLogger(KioskFeedbackImport.class);

	private final FeedbackService service;

	KioskFeedbackImport(FeedbackService service) {
		this.service = service;
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void onEventsStored(EventsStored stored) {
		if (stored.events().stream().anyMatch((e) -> e.type() == EventType.FEEDBACK)) {
			importNow();
		}
	}

	@EventListener(ApplicationReadyEvent.class)
	void onStart() {
		importNow();
	}

	private void importNow() {
		try {
			int added = this.service.importKioskFeedback();
			if (added > 0) {
				log.debug("{} kiosk feedback item(s) added to the inbox", added);
			}
		}
		catch (RuntimeException ex) {
			// the next feedback or the next start imports what is missing
			log.warn("Importing kiosk feedback into the inbox failed; it will be retried", ex);
		}
	}

}
