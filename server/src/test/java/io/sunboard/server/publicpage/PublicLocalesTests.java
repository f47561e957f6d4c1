package io.sunboard.server.publicpage;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class PublicLocalesTests {

	@Test
	void theLangParameterWinsOverTheBrowser() {
		assertThat(PublicLocales.resolve("en", request("zh-TW"))).isEqualTo(Locale.ENGLISH);
		assertThat(PublicLocales.resolve("zh-TW", request("en"))).isEqualTo(Locale.TRADITIONAL_CHINESE);
		assertThat(PublicLocales.resolve("zh_CN", request("en"))).isEqualTo(Locale.SIMPLIFIED_CHINESE);
	}

	@Test
	void theBrowsersLanguagesAreMatchedInOrder() {
		assertThat(PublicLocales.resolve(null, request("zh-HK,zh;q=0.8"))).isEqualTo(Locale.TRADITIONAL_CHINESE);
		assertThat(PublicLocales.resolve(null, request("zh-Hant"))).isEqualTo(Locale.TRADITIONAL_CHINESE);
		assertThat(PublicLocales.resolve(null, request("fr-FR,en-GB;q=0.8"))).isEqualTo(Locale.ENGLISH);
		assertThat(PublicLocales.resolve(null, request("zh"))).isEqualTo(Locale.SIMPLIFIED_CHINESE);
	}

	@Test
	void anythingElseIsSimplifiedChinese() {
		assertThat(PublicLocales.resolve("klingon", request(null))).isEqualTo(Locale.SIMPLIFIED_CHINESE);
		assertThat(PublicLocales.resolve(null, request("fr"))).isEqualTo(Locale.SIMPLIFIED_CHINESE);
	}

	private static MockHttpServletRequest request(String acceptLanguage) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		if (acceptLanguage != null) {
			request.addHeader("Accept-Language", acceptLanguage);
		}
		return request;
	}

}
