package io.sunboard.testsupport;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Resolves a {@link MosquittoBroker} parameter of a test class's constructor, lifecycle
 * methods and test methods: one broker per top-level test class (shared with its
 * {@code @Nested} classes), started when first asked for and closed after the class.
 *
 * <pre class="code">
 * &#64;ExtendWith(MosquittoExtension.class)
 * class ManifestDeliveryIT {
 *
 * 	&#64;Test
 * 	void deviceGetsRetainedManifest(MosquittoBroker broker) { ... }
 *
 * }
 * </pre>
 */
public final class MosquittoExtension implements ParameterResolver {

	private static final Namespace NAMESPACE = Namespace.create(MosquittoExtension.class);

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == MosquittoBroker.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		// The store closes AutoCloseable values when its context ends, so keeping the
		// broker in the class's store ties its lifetime to the class.
		return topLevelClass(extensionContext).getStore(NAMESPACE)
			.computeIfAbsent(MosquittoBroker.class, (key) -> MosquittoBroker.startNew(), MosquittoBroker.class);
	}

	private static ExtensionContext topLevelClass(ExtensionContext context) {
		ExtensionContext current = context;
		while (current.getParent().flatMap(ExtensionContext::getTestClass).isPresent()) {
			current = current.getParent().get();
		}
		return current;
	}

}
