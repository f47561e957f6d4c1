package io.sunboard.server.broker;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;

/**
 * TLS to an external broker: with {@code sunboard.broker.external.ca-file} set, the
 * broker's certificate must chain to exactly the certificates in that PEM file (a private
 * CA, typically); without it, to the JVM's usual trust store. The host name is verified
 * either way (Paho's default).
 */
final class BrokerTls {

	private BrokerTls() {
	}

	/**
	 * Configures {@code options} for {@code url}; a no-op for a plain {@code tcp://} URL.
	 */
	static void apply(MqttConnectionOptions options, URI url, Path caFile) {
		boolean tls = "ssl".equalsIgnoreCase(url.getScheme());
		if (caFile == null) {
			return;
		}
		if (!tls) {
			throw new IllegalStateException("sunboard.broker.external.ca-file is set but the broker URL " + url
					+ " is not TLS: use ssl://host:8883, or remove ca-file");
		}
		options.setSocketFactory(trusting(caFile));
		options.setHttpsHostnameVerificationEnabled(true);
	}

	/** A socket factory that trusts only the certificates in {@code caFile} (PEM). */
	static SSLSocketFactory trusting(Path caFile) {
		try (InputStream in = Files.newInputStream(caFile)) {
			Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
				.generateCertificates(in);
			if (certificates.isEmpty()) {
				throw new IllegalStateException("no certificate in " + caFile + "; give a PEM file with the CA");
			}
			KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
			trust.load(null, null);
			int i = 0;
			for (Certificate certificate : certificates) {
				trust.setCertificateEntry("ca-" + i++, certificate);
			}
			TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			factory.init(trust);
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(null, factory.getTrustManagers(), null);
			return context.getSocketFactory();
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalStateException(
					"cannot read the broker CA file " + caFile + " (" + ex.getMessage() + "); give a readable PEM file",
					ex);
		}
	}

}
