package io.sunboard.server.dispatch;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import io.sunboard.server.broker.BrokerConnected;
import io.sunboard.server.device.DeviceTagsChanged;
import io.sunboard.server.posting.PostingChanged;
import io.sunboard.server.schedule.ScheduleChanged;
import io.sunboard.server.schedule.ScheduleRepository;
import io.sunboard.server.system.Threads;

/**
 * When dispatch runs: after a committed change at a school (that school only), when the
 * broker (re)connects, and periodically so windows that ended drop out as time moves on.
 * All on one thread.
 */
@Component
class DispatchTriggers implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(DispatchTriggers.class);

	private final ManifestDispatcher dispatcher;

	private final ExecutorService executor = Executors.newSingleThreadExecutor(Threads.named("dispatch"));

	private final ScheduleRepository schedule;

	DispatchTriggers(ManifestDispatcher dispatcher, ScheduleRepository schedule) {
		this.dispatcher = dispatcher;
		this.schedule = schedule;
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void onPostingChanged(PostingChanged event) {
		List<String> regions = this.schedule.regionsTargetedBy(event.postingId());
		run(() -> {
			this.dispatcher.dispatchSchool(event.schoolId());
			regions.forEach(this.dispatcher::dispatchRegion);
		});
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void onScheduleChanged(ScheduleChanged event) {
		run(() -> {
			if (event.regionId() != null) {
				// the region's schools include the posting's own
				this.dispatcher.dispatchRegion(event.regionId());
			}
			else {
				this.dispatcher.dispatchSchool(event.schoolId());
			}
		});
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void onDeviceTagsChanged(DeviceTagsChanged event) {
		run(() -> this.dispatcher.dispatchSchool(event.schoolId()));
	}

	@org.springframework.context.event.EventListener
	void onBrokerConnected(BrokerConnected event) {
		run(() -> {
			if (event.brokerMayHaveLostRetained()) {
				this.dispatcher.republishAll();
			}
			this.dispatcher.dispatchAll();
		});
	}

	@Scheduled(fixedDelayString = "${sunboard.roll-forward:PT1M}", initialDelayString = "${sunboard.roll-forward:PT1M}")
	void rollForward() {
		run(this.dispatcher::dispatchAll);
	}

	private void run(Runnable work) {
		this.executor.execute(() -> {
			try {
				work.run();
			}
			catch (RuntimeException ex) {
				log.error("Dispatch failed; the next change or roll-forward retries", ex);
			}
		});
	}

	@Override
	public void destroy() {
		this.executor.shutdownNow();
	}

}
