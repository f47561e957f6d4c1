package io.sunboard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A process's CPU time by part, read from each thread's
 * {@code /proc/<pid>/task/<tid>/stat} (Linux; elsewhere empty). The fan-out bench prints
 * it for each timed run, so a reader sees where the server's CPU went (the broker's event
 * loops, HTTP, dispatch …) and how much of the two shared cores the simulated screens
 * took (on a real site each screen brings its own CPU).
 */
record ThreadCpu(Map<Long, Sample> threads) {

	/**
	 * One thread's part and its CPU so far, in ticks; {@code kernel} is the system part.
	 */
	record Sample(String part, long ticks, long kernel) {

	}

	/**
	 * Linux's USER_HZ, the unit of utime and stime, on every platform Linux runs on here.
	 */
	private static final int TICKS_PER_SECOND = 100;

	/**
	 * Thread name prefix (as the kernel keeps it: 15 characters) → part, first match
	 * wins.
	 */
	private static final List<Map.Entry<String, String>> PARTS = List.of(Map.entry("hivemq", "broker"),
			Map.entry("http-nio", "HTTP"), Map.entry("dispatch-school", "dispatch"),
			Map.entry("mqtt-inbound", "inbound MQTT"), Map.entry("MQTT ", "Paho"), Map.entry("C2 Compiler", "JIT"),
			Map.entry("C1 Compiler", "JIT"), Map.entry("GC Thread", "GC"), Map.entry("G1 ", "GC"),
			Map.entry("com.hivemq.clie", "MQTT client"), Map.entry("RxComputation", "MQTT client callbacks"),
			Map.entry("fleet-download", "downloads"));

	static ThreadCpu of(long pid) {
		Map<Long, Sample> threads = new HashMap<>();
		try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
			tasks.forEach((task) -> {
				try {
					String name = Files.readString(task.resolve("comm")).strip();
					String stat = Files.readString(task.resolve("stat"));
					// the fields after the parenthesised name start with the state; utime
					// and stime are the 12th and 13th of them
					String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
					long system = Long.parseLong(fields[12]);
					threads.put(Long.parseLong(task.getFileName().toString()),
							new Sample(part(name), Long.parseLong(fields[11]) + system, system));
				}
				catch (IOException | RuntimeException ex) {
					// the thread ended between listing and reading
				}
			});
		}
		catch (IOException ex) {
			// not Linux, or the process is gone
		}
		return new ThreadCpu(threads);
	}

	static String part(String threadName) {
		return PARTS.stream()
			.filter((p) -> threadName.startsWith(p.getKey()))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse("other");
	}

	/**
	 * What the threads alive now spent since {@code before} (a thread that ended in
	 * between is not counted): the total, how much of it in the kernel (on loopback, a
	 * socket write also delivers to the receiving socket), then each part, largest first.
	 */
	String since(ThreadCpu before) {
		Map<String, Long> byPart = new HashMap<>();
		long total = 0;
		long kernel = 0;
		for (Map.Entry<Long, Sample> thread : this.threads.entrySet()) {
			Sample now = thread.getValue();
			Sample then = before.threads.getOrDefault(thread.getKey(), new Sample(now.part(), 0, 0));
			byPart.merge(now.part(), now.ticks() - then.ticks(), Long::sum);
			total += now.ticks() - then.ticks();
			kernel += now.kernel() - then.kernel();
		}
		if (total <= 0) {
			return "not measured";
		}
		return seconds(total) + ", of it in the kernel " + seconds(kernel) + " (" + byPart.entrySet()
			.stream()
			.filter((e) -> e.getValue() > 0)
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
			.map((e) -> e.getKey() + " " + seconds(e.getValue()))
			.collect(Collectors.joining(", ")) + ")";
	}

	private static String seconds(long ticks) {
		return String.format(Locale.ROOT, "%.1f s", ticks / (double) TICKS_PER_SECOND);
	}

}
