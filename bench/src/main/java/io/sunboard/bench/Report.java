package io.sunboard.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.sunboard.testsupport.sim.Latencies;

/**
 * A markdown table printed and appended to docs/benchmarks.md with the machine it ran on.
 */
final class Report {

	private final String title;

	private final List<String> notes = new ArrayList<>();

	private final List<String> rows = new ArrayList<>();

	private final String header;

	Report(String title, String... columns) {
		this.title = title;
		this.header = "| " + String.join(" | ", columns) + " |\n|" + "---|".repeat(columns.length) + "\n";
	}

	void note(String line) {
		this.notes.add(line);
		System.out.println(line);
	}

	void row(Object... cells) {
		StringBuilder row = new StringBuilder("|");
		for (Object cell : cells) {
			row.append(' ').append(cell).append(" |");
		}
		this.rows.add(row.toString());
		System.out.println(row);
	}

	static String ms(double value) {
		return Double.isNaN(value) ? "—" : String.format("%.0f ms", value);
	}

	static String[] spread(Latencies l) {
		return new String[] { ms(l.percentileMs(50)), ms(l.percentileMs(99)), ms(l.maxMs()) };
	}

	void appendToBenchmarks() throws IOException {
		StringBuilder text = new StringBuilder("\n## ").append(this.title)
			.append(" — ")
			.append(Instant.now().truncatedTo(ChronoUnit.MINUTES))
			.append("\n\n")
			.append("Machine: ")
			.append(machine())
			.append(".\n");
		for (String note : this.notes) {
			text.append(note).append('\n');
		}
		text.append('\n').append(this.header);
		this.rows.forEach((r) -> text.append(r).append('\n'));
		Path file = Path.of("docs/benchmarks.md");
		Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		System.out.println("\n" + text + "\nAppended to " + file.toAbsolutePath());
	}

	static String machine() {
		return cpu() + " (lscpu), " + Runtime.getRuntime().availableProcessors() + " cores, "
				+ String.format("%.1f GiB", Runtime.getRuntime().maxMemory() / 1073741824.0)
				+ " max heap of the bench JVM, Java " + System.getProperty("java.version") + ", open files limit "
				+ openFilesLimit() + ", load average when the table was written " + loadAverage()
				+ " (the machine is shared: other builds may run at the same time)";
	}

	/**
	 * The machine line of the benches that write their own table: CPU, cores, Java and
	 * heap of this JVM.
	 */
	static String jvmMachine() {
		return cpu() + ", " + Runtime.getRuntime().availableProcessors() + " cores visible to the JVM, Java "
				+ System.getProperty("java.version") + ", max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024)
				+ " MiB";
	}

	/** The CPU model as {@code lscpu} reports it. */
	static String cpu() {
		String cpu = "unknown CPU";
		try {
			Process lscpu = new ProcessBuilder("lscpu").redirectErrorStream(true).start();
			for (String line : new String(lscpu.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				if (line.startsWith("Model name:")) {
					cpu = line.substring("Model name:".length()).trim();
				}
			}
		}
		catch (IOException ex) {
			// keep "unknown CPU"
		}
		return cpu;
	}

	private static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).trim().replaceAll("^(\\S+ \\S+ \\S+).*", "$1");
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	private static String openFilesLimit() {
		try {
			Process p = new ProcessBuilder("sh", "-c", "ulimit -n").start();
			return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

}
