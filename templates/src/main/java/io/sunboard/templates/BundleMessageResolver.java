package io.sunboard.templates;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.AbstractMessageResolver;

/**
 * Resolves {@code #{key}} from the {@code messages*.properties} bundles on the classpath
 * (UTF-8). Thymeleaf's standard resolver looks for bundles next to each template; ours
 * are shared by every template, like Spring's {@code messages.properties}.
 */
final class BundleMessageResolver extends AbstractMessageResolver {

	static final String BASE_NAME = "io.sunboard.templates.messages";

	/**
	 * No fallback to the JVM's default locale: a screen in Shanghai must not turn English
	 * because the machine was installed with an English locale. The base bundle holds the
	 * zh-CN text.
	 */
	private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control
		.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

	@Override
	public String resolveMessage(ITemplateContext context, Class<?> origin, String key, Object[] messageParameters) {
		ResourceBundle bundle = bundle(context.getLocale());
		if (!bundle.containsKey(key)) {
			return null;
		}
		String pattern = bundle.getString(key);
		if (messageParameters == null || messageParameters.length == 0) {
			return pattern;
		}
		return new MessageFormat(pattern, context.getLocale()).format(messageParameters);
	}

	@Override
	public String createAbsentMessageRepresentation(ITemplateContext context, Class<?> origin, String key,
			Object[] messageParameters) {
		return "??" + key + "_" + context.getLocale() + "??";
	}

	static ResourceBundle bundle(Locale locale) {
		try {
			return ResourceBundle.getBundle(BASE_NAME, (locale != null) ? locale : Locale.ROOT, NO_FALLBACK);
		}
		catch (MissingResourceException ex) {
			throw new IllegalStateException("messages.properties is missing from the templates jar", ex);
		}
	}

}
