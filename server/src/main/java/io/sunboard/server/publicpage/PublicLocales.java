package io.sunboard.server.publicpage;

import java.util.Collections;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The public pages' three languages: {@code ?lang=zh-CN|zh-TW|en} when given, otherwise
 * the browser's Accept-Language, otherwise simplified Chinese.
 */
final class PublicLocales {

	static final Locale ZH_CN = Locale.SIMPLIFIED_CHINESE;

	static final Locale ZH_TW = Locale.TRADITIONAL_CHINESE;

	static final Locale EN = Locale.ENGLISH;

	static final List<Locale> SUPPORTED = List.of(ZH_CN, ZH_TW, EN);

	private PublicLocales() {
	}

	static Locale resolve(String lang, HttpServletRequest request) {
		if (lang != null && !lang.isBlank()) {
			Locale chosen = match(Locale.forLanguageTag(lang.strip().replace('_', '-')));
			if (chosen != null) {
				return chosen;
			}
		}
		if (request.getHeader("Accept-Language") != null) {
			for (Locale locale : Collections.list(request.getLocales())) {
				Locale chosen = match(locale);
				if (chosen != null) {
					return chosen;
				}
			}
		}
		return ZH_CN;
	}

	private static Locale match(Locale locale) {
		String language = locale.getLanguage();
		if (language.equals("en")) {
			return EN;
		}
		if (language.equals("zh")) {
			String country = locale.getCountry();
			boolean traditional = locale.getScript().equals("Hant") || country.equals("TW") || country.equals("HK")
					|| country.equals("MO");
			return traditional ? ZH_TW : ZH_CN;
		}
		return null;
	}

}
