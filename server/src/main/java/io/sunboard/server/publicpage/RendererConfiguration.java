package io.sunboard.server.publicpage;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.sunboard.templates.KindCatalog;
import io.sunboard.templates.PostingRenderer;

/** The screens' renderer, with the server's kinds, for the public pages and the print. */
@Configuration(proxyBeanMethods = false)
class RendererConfiguration {

	@Bean
	PostingRenderer postingRenderer(KindCatalog kinds) {
		return new PostingRenderer(kinds);
	}

}
