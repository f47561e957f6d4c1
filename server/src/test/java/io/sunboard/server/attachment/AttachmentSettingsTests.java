package io.sunboard.server.attachment;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class AttachmentSettingsTests {

	@Test
	void maxSizeIsBoundFromItsProperty() {
		Binder binder = new Binder(new MapConfigurationPropertySource(Map.of("sunboard.attachments.max-size", "1MB")));
		assertThat(binder.bind("sunboard.attachments", AttachmentSettings.class).get().maxSize().toBytes())
			.isEqualTo(1024 * 1024);
	}

}
