package io.sunboard.testsupport;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineTestKit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Runs a sample test class through the JUnit engine, because only from outside can a test
 * see that the class's broker is closed once the class is done.
 */
@Timeout(60)
class MosquittoExtensionIT {

	@Test
	void oneBrokerPerClassClosedAfterTheClass() {
		Sample.seen.clear();

		EngineTestKit.engine("junit-jupiter")
			.selectors(selectClass(Sample.class))
			.execute()
			.testEvents()
			.assertStatistics((stats) -> stats.started(3).succeeded(3));

		assertThat(Sample.seen).hasSize(4).allSatisfy((broker) -> assertThat(broker).isSameAs(Sample.seen.get(0)));
		assertThat(Sample.seen.get(0).isRunning()).isFalse();
		assertThat(Sample.seen.get(0).directory()).doesNotExist();
	}

	/** Not an *IT itself: only run from the test above. */
	@ExtendWith(MosquittoExtension.class)
	static class Sample {

		static final List<MosquittoBroker> seen = new CopyOnWriteArrayList<>();

		@BeforeAll
		static void beforeAll(MosquittoBroker broker) {
			seen.add(broker);
		}

		@Test
		void first(MosquittoBroker broker) {
			assertThat(broker.isRunning()).isTrue();
			seen.add(broker);
		}

		@Test
		void second(MosquittoBroker broker) {
			seen.add(broker);
		}

		@Nested
		class Inner {

			@Test
			void nestedClassesShareTheBroker(MosquittoBroker broker) {
				seen.add(broker);
			}

		}

	}

}
