package io.sunboard.kiosk;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.sunboard.kiosk.Schedule.Selection;
import io.sunboard.kiosk.Schedule.Showing;
import io.sunboard.protocol.Manifest;
import io.sunboard.protocol.ManifestItem;
import io.sunboard.protocol.Sha256;

import static io.sunboard.kiosk.Fixtures.T0;
import static io.sunboard.kiosk.Fixtures.always;
import static io.sunboard.kiosk.Fixtures.item;
import static io.sunboard.kiosk.Fixtures.window;
import static org.assertj.core.api.Assertions.assertThat;

class ScheduleTests {

	private static final String SHA_A = Sha256.of(new byte[] { 1 });

	private static final String SHA_B = Sha256.of(new byte[] { 2 });

	private static final String SHA_C = Sha256.of(new byte[] { 3 });

	private static Instant at(long seconds) {
		return T0.plusSeconds(seconds);
	}

	private static Manifest manifest(ManifestItem... items) {
		return Fixtures.manifest("lobby-01", 1, items);
	}

	private static String postingAt(Selection selection) {
		return selection.idle() ? null : selection.showing().item().postingId();
	}

	@Test
	void nothingScheduledIsTheIdlePage() {
		assertThat(Schedule.choose(null, T0, null).idle()).isTrue();
		assertThat(Schedule.choose(manifest(), T0, null).idle()).isTrue();
		Manifest later = manifest(item("a", SHA_A, 10, 0, window(at(60), at(120))));
		assertThat(Schedule.choose(later, T0, null).idle()).isTrue();
	}

	@Test
	void windowBoundariesAreExactToTheSecondShownAtStartGoneAtEnd() {
		Manifest manifest = manifest(item("a", SHA_A, 600, 0, window(at(60), at(120))));

		assertThat(Schedule.choose(manifest, at(59), null).idle()).isTrue();
		Selection atStart = Schedule.choose(manifest, at(60), null);
		assertThat(postingAt(atStart)).isEqualTo("a");
		Selection lastSecond = Schedule.choose(manifest, at(119), atStart.showing());
		assertThat(postingAt(lastSecond)).isEqualTo("a");
		assertThat(lastSecond.ended()).isNull();

		Selection atEnd = Schedule.choose(manifest, at(120), lastSecond.showing());
		assertThat(atEnd.idle()).isTrue();
		assertThat(atEnd.ended().completed()).isFalse();
		assertThat(atEnd.ended().since()).isEqualTo(at(60));
		assertThat(atEnd.ended().duration()).isEqualTo(Duration.ofSeconds(60));
	}

	@Test
	void higherPriorityPlaysFirstThenManifestOrder() {
		Manifest manifest = manifest(item("low", SHA_A, 10, 0, always()), item("high", SHA_B, 10, 5, always()),
				item("low-2", SHA_C, 10, 0, always()));

		assertThat(Schedule.eligible(manifest, T0)).extracting(ManifestItem::postingId)
			.containsExactly("high", "low", "low-2");
		assertThat(postingAt(Schedule.choose(manifest, T0, null))).isEqualTo("high");
	}

	@Test
	void eachItemPlaysItsDurationThenTheNextRoundRobin() {
		Manifest manifest = manifest(item("a", SHA_A, 10, 0, always()), item("b", SHA_B, 5, 0, always()));

		Selection first = Schedule.choose(manifest, at(0), null);
		Selection stillA = Schedule.choose(manifest, at(9), first.showing());
		Selection b = Schedule.choose(manifest, at(10), stillA.showing());
		Selection backToA = Schedule.choose(manifest, at(15), b.showing());

		assertThat(postingAt(first)).isEqualTo("a");
		assertThat(postingAt(stillA)).isEqualTo("a");
		assertThat(postingAt(b)).isEqualTo("b");
		assertThat(b.ended().completed()).isTrue();
		assertThat(b.ended().item().postingId()).isEqualTo("a");
		assertThat(b.ended().duration()).isEqualTo(Duration.ofSeconds(10));
		assertThat(postingAt(backToA)).isEqualTo("a");
		assertThat(backToA.showing().since()).isEqualTo(at(15));
	}

	@Test
	void aLateTickRecordsTheScheduledDurationNotTheDelay() {
		Manifest manifest = manifest(item("a", SHA_A, 10, 0, always()));
		Showing a = Schedule.choose(manifest, at(0), null).showing();

		Selection next = Schedule.choose(manifest, at(12), a);

		assertThat(next.ended().duration()).isEqualTo(Duration.ofSeconds(10));
		assertThat(postingAt(next)).isEqualTo("a");
		assertThat(next.showing().since()).isEqualTo(at(12));
	}

	@Test
	void itemWhoseWindowClosesLeavesAtOnceAndTheNextTakesItsPlace() {
		Manifest manifest = manifest(item("a", SHA_A, 60, 0, always()), item("b", SHA_B, 60, 0, window(at(0), at(30))),
				item("c", SHA_C, 60, 0, always()));
		Showing b = new Showing(manifest.items().get(1), 1, at(20));

		Selection selection = Schedule.choose(manifest, at(30), b);

		assertThat(postingAt(selection)).isEqualTo("c");
		assertThat(selection.ended().completed()).isFalse();
		assertThat(selection.ended().duration()).isEqualTo(Duration.ofSeconds(10));
	}

	@Test
	void itemRemovedFromTheManifestLeavesAtOnce() {
		ManifestItem a = item("a", SHA_A, 60, 0, always());
		Showing showingA = Schedule.choose(manifest(a), at(0), null).showing();

		Selection selection = Schedule.choose(manifest(item("b", SHA_B, 60, 0, always())), at(5), showingA);

		assertThat(postingAt(selection)).isEqualTo("b");
		assertThat(selection.ended().item().postingId()).isEqualTo("a");
	}

	@Test
	void newContentForTheSamePostingContinuesTheShowing() {
		Showing a = Schedule.choose(manifest(item("a", SHA_A, 60, 0, always())), at(0), null).showing();

		Selection selection = Schedule.choose(manifest(item("a", SHA_B, 60, 0, always())), at(5), a);

		assertThat(selection.ended()).isNull();
		assertThat(selection.showing().since()).isEqualTo(at(0));
		assertThat(selection.showing().item().contentSha256()).isEqualTo(SHA_B);
	}

	@Test
	void clockGoingBackRestartsTheShowing() {
		Manifest manifest = manifest(item("a", SHA_A, 60, 0, always()));
		Showing a = Schedule.choose(manifest, at(100), null).showing();

		Selection selection = Schedule.choose(manifest, at(50), a);

		assertThat(selection.ended()).isNull();
		assertThat(selection.showing().since()).isEqualTo(at(50));
	}

}
