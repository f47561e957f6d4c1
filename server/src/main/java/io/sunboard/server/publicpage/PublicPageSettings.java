package io.sunboard.server.publicpage;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param baseUrl where parents reach the public pages, e.g.
 * {@code https://gk.example.edu.cn}; QR codes and feed links point there. Defaults to
 * {@code sunboard.public-url} (the address screens use), for sites where both are one.
 */
@ConfigurationProperties("sunboard.public-pages")
record PublicPageSettings(URI baseUrl) {

}
