package io.sunboard.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ThreadCpuTests {

	@Test
	void threadsAreGroupedByWhatTheyDoAsTheKernelNamesThem() {
		assertThat(ThreadCpu.part("hivemq-eventloo")).isEqualTo("broker");
		assertThat(ThreadCpu.part("http-nio-35387-")).isEqualTo("HTTP");
		assertThat(ThreadCpu.part("dispatch-school")).isEqualTo("dispatch");
		assertThat(ThreadCpu.part("mqtt-inbound-0-")).isEqualTo("inbound MQTT");
		assertThat(ThreadCpu.part("MQTT Rec: sunbo")).isEqualTo("Paho");
		assertThat(ThreadCpu.part("C2 CompilerThre")).isEqualTo("JIT");
		assertThat(ThreadCpu.part("G1 Refine#0")).isEqualTo("GC");
		assertThat(ThreadCpu.part("fleet-download")).isEqualTo("downloads");
		assertThat(ThreadCpu.part("VM Thread")).isEqualTo("other");
	}

	@Test
	void sinceGivesTheTotalTheKernelsShareAndTheLargestPartFirst() {
		ThreadCpu before = new ThreadCpu(Map.of(1L, new ThreadCpu.Sample("broker", 100, 10), 2L,
				new ThreadCpu.Sample("HTTP", 50, 10), 3L, new ThreadCpu.Sample("GC", 70, 0)));
		// thread 3 ended, thread 4 started
		ThreadCpu after = new ThreadCpu(Map.of(1L, new ThreadCpu.Sample("broker", 350, 50), 2L,
				new ThreadCpu.Sample("HTTP", 150, 30), 4L, new ThreadCpu.Sample("JIT", 30, 0)));

		assertThat(after.since(before))
			.isEqualTo("3.8 s, of it in the kernel 0.6 s (broker 2.5 s, HTTP 1.0 s, JIT 0.3 s)");
		assertThat(before.since(before)).isEqualTo("not measured");
	}

	/** The bench runs on Linux; this reads this JVM's own threads from /proc. */
	@Test
	void aBusyThreadShowsUpUnderItsPart() throws Exception {
		long pid = ProcessHandle.current().pid();
		ThreadCpu before = ThreadCpu.of(pid);
		CountDownLatch measured = new CountDownLatch(1);
		CountDownLatch burnt = new CountDownLatch(1);
		Thread busy = new Thread(() -> {
			// 300 ms of this thread's own CPU, however busy the machine is
			ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
			long until = cpu.getCurrentThreadCpuTime() + 300_000_000L;
			while (cpu.getCurrentThreadCpuTime() < until) {
				Thread.onSpinWait();
			}
			burnt.countDown();
			try {
				// alive until measured: an ended thread's CPU is no longer in /proc
				measured.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, "dispatch-school-test");
		busy.start();
		assertThat(burnt.await(10, TimeUnit.SECONDS)).isTrue();
		String spent = ThreadCpu.of(pid).since(before);
		measured.countDown();

		assertThat(before.threads()).isNotEmpty();
		assertThat(spent).matches(".*(\\(|, )dispatch 0\\.[2-9] s.*");
	}

}
