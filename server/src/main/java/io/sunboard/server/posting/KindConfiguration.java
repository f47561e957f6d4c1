package io.sunboard.server.posting;

import java.nio.file.Path;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.sunboard.server.calendar.WorkingDayCalendar;
import io.sunboard.templates.ContentValidator;
import io.sunboard.templates.KindCatalog;

/**
 * Posting kinds are data: the catalog shipped with the templates, or an administrator's
 * own file ({@code sunboard.kinds.file}) with the same format (docs/content.md).
 */
@Configuration(proxyBeanMethods = false)
class KindConfiguration {

	@Bean
	KindCatalog kindCatalog(ObjectProvider<KindSettings> settings) {
		KindSettings kinds = settings.getIfAvailable();
		return (kinds != null && kinds.file() != null) ? KindCatalog.load(kinds.file()) : KindCatalog.standard();
	}

	/**
	 * Minimum publicity periods in working days are counted with China's holidays and
	 * make-up working days, not Monday to Friday.
	 */
	@Bean
	ContentValidator contentValidator(KindCatalog kinds, WorkingDayCalendar calendar) {
		return new ContentValidator(kinds, calendar::isWorkingDay);
	}

	/**
	 * @param file an administrator's kinds file replacing the shipped catalog
	 */
	@ConfigurationProperties("sunboard.kinds")
	record KindSettings(Path file) {

	}

}
