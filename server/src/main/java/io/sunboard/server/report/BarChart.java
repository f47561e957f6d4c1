package io.sunboard.server.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * A horizontal bar chart laid out on the server, drawn by the template as plain SVG (no
 * script, no inline style: the console's Content-Security-Policy allows neither).
 *
 * @param height the SVG's height in its own units (it is {@link #WIDTH} wide)
 */
public record BarChart(int height, List<Bar> bars) {

	public static final int WIDTH = 640;

	static final int LABEL_WIDTH = 220;

	static final int ROW = 22;

	static final int MAX_BARS = 20;

	/**
	 * One bar: {@code value} as text, at row {@code y}, {@code width} long.
	 */
	public record Bar(String label, String value, int y, int width, int textY, int valueX) {

	}

	/** The largest {@link #MAX_BARS} items by {@code value}. */
	static <T> BarChart of(List<T> items, java.util.function.Function<T, String> label, ToLongFunction<T> value,
			java.util.function.LongFunction<String> format) {
		List<T> top = items.stream().sorted(Comparator.comparingLong(value).reversed()).limit(MAX_BARS).toList();
		long max = top.stream().mapToLong(value).max().orElse(0);
		int room = WIDTH - LABEL_WIDTH - 90;
		List<Bar> bars = new ArrayList<>();
		for (int i = 0; i < top.size(); i++) {
			T item = top.get(i);
			long v = value.applyAsLong(item);
			int width = (max > 0) ? (int) Math.max(1, v * room / max) : 1;
			String text = label.apply(item);
			if (text.length() > 16) {
				text = text.substring(0, 15) + "…";
			}
			bars.add(new Bar(text, format.apply(v), i * ROW + 4, width, i * ROW + 18, LABEL_WIDTH + width + 6));
		}
		return new BarChart(Math.max(ROW, top.size() * ROW + 8), bars);
	}

}
