package io.sunboard.templates;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * De-identification for public surfaces, following the usual conventions: ID numbers keep
 * the first 6 and last 4 characters ({@code 350502********1234}), mobile numbers the
 * first 3 and last 4 ({@code 138****5678}), names the first and last character
 * ({@code 张*明}, two characters {@code 张*}), addresses the area ({@code 泉州市丰泽区****}).
 * Masked text keeps its length except addresses, whose hidden part would tell how long
 * the street address is.
 */
public final class Masking {

	/**
	 * 15- and 18-character ID numbers (the last may be X); longer digit runs such as bank
	 * card numbers are masked the same way, since nothing public needs them.
	 */
	private static final Pattern ID_NUMBER = Pattern.compile("(?<!\\d)(\\d{6})(\\d{5,}?)(\\d{3}[\\dXx])(?![\\dXx])");

	private static final Pattern MOBILE = Pattern
		.compile("(?<!\\d)((?:\\+?86[ -]?)?1[3-9]\\d)([ -]?)(\\d{4})([ -]?)(\\d{4})(?!\\d)");

	private static final Pattern ADDRESS_AREA = Pattern.compile("^.{0,12}?(?:区|县|旗|縣|區)|^.{0,12}?(?:市|鎮|镇)");

	private static final String NAME_SEPARATORS = " \u00a0\u3000·•・.-'’";

	private Masking() {
	}

	/** ID numbers and mobile numbers anywhere in free text. */
	public static String text(String text) {
		return (text == null) ? null : mobilePhones(idNumbers(text));
	}

	public static String idNumbers(String text) {
		Matcher matcher = ID_NUMBER.matcher(text);
		StringBuilder out = new StringBuilder(text.length());
		while (matcher.find()) {
			String stars = "*".repeat(matcher.group(2).length());
			matcher.appendReplacement(out, Matcher.quoteReplacement(matcher.group(1) + stars + matcher.group(3)));
		}
		matcher.appendTail(out);
		return out.toString();
	}

	public static String mobilePhones(String text) {
		return MOBILE.matcher(text).replaceAll("$1$2****$4$5");
	}

	/**
	 * A cell of a phone column, landlines included since the column is about a person: of
	 * all its digits the first 3 and last 4 stay (fewer than 7 digits: the last 2),
	 * separators stay where they are.
	 */
	public static String phone(String text) {
		if (text == null) {
			return null;
		}
		String masked = idNumbers(text);
		long digits = masked.chars().filter(Character::isDigit).count();
		long keepHead = (digits >= 7) ? 3 : 0;
		long keepTail = (digits >= 7) ? 4 : Math.min(2, digits);
		StringBuilder out = new StringBuilder(masked.length());
		long seen = 0;
		for (char c : masked.toCharArray()) {
			if (Character.isDigit(c)) {
				seen++;
				out.append((seen <= keepHead || seen > digits - keepTail) ? c : '*');
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

	/**
	 * Keeps the first letter of the name and, from three letters on, the last; every
	 * other letter becomes {@code *}. Separators (spaces, the middle dot of 买买提·艾力) stay,
	 * so "John Smith" becomes "J*** ****h" and "李Anna" becomes "李***a".
	 */
	public static String name(String name) {
		if (name == null) {
			return null;
		}
		String trimmed = name.strip();
		int[] points = trimmed.codePoints().toArray();
		int letters = 0;
		for (int point : points) {
			if (!isSeparator(point)) {
				letters++;
			}
		}
		StringBuilder out = new StringBuilder(trimmed.length());
		int seen = 0;
		for (int point : points) {
			if (isSeparator(point)) {
				out.appendCodePoint(point);
				continue;
			}
			seen++;
			boolean visible = (seen == 1 && letters > 1) || (seen == letters && letters >= 3);
			if (visible) {
				out.appendCodePoint(point);
			}
			else {
				out.append('*');
			}
		}
		return out.toString();
	}

	private static boolean isSeparator(int codePoint) {
		return NAME_SEPARATORS.indexOf(codePoint) >= 0;
	}

	/**
	 * Keeps the area up to the district or county (at most the first 12 characters) and
	 * hides the rest behind four stars; without a recognisable area, the first third.
	 */
	public static String address(String address) {
		if (address == null) {
			return null;
		}
		String trimmed = address.strip();
		if (trimmed.isEmpty()) {
			return trimmed;
		}
		Matcher matcher = ADDRESS_AREA.matcher(trimmed);
		String kept;
		if (matcher.find() && matcher.end() < trimmed.length()) {
			kept = trimmed.substring(0, matcher.end());
		}
		else {
			int[] points = trimmed.codePoints().toArray();
			kept = new String(points, 0, points.length / 3);
		}
		return text(kept) + "****";
	}

}
