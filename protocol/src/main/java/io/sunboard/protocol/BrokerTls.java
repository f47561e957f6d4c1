package io.sunboard.protocol;

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

/**
 * TLS to the broker, the one rule for the server and the kiosk: with a CA file set, the
 * broker's certificate must chain to exactly the certificates in that PEM file (the
 * school system's private CA, typically); without it, to the JVM's usual trust store. The
 * MQTT client verifies the host name either way.
 */
public final class BrokerTls {

	private BrokerTls() {
	}

	/**
	 * The socket factory for {@code url}, or {@code null} when no CA file is set (the
	 * JVM's trust store serves an {@code ssl://} URL, a {@code tcp://} one needs none).
	 * @param setting the name of the CA file setting, for the error message
	 */
	public static SSLSocketFactory socketFactory(URI url, Path caFile, String setting) {
		if (caFile == null) {
			return null;
		}
		if (!"ssl".equalsIgnoreCase(url.getScheme())) {
			throw new IllegalStateException(setting + " is set but the broker URL " + url
					+ " is not TLS: use ssl://host:8883, or remove " + setting);
		}
		return trusting(caFile);
	}

	/** A socket factory that trusts only the certificates in {@code caFile} (PEM). */
	public static SSLSocketFactory trusting(Path caFile) {
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
