package io.sunboard.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away certificate authority made with the {@code openssl} command for one test:
 * its own self-signed root ({@link #caFile()}) and a server certificate it signs for
 * {@code 127.0.0.1} and {@code localhost} ({@link #serverCertFile()},
 * {@link #serverKeyFile()}), all PEM in a temp directory. Two instances are two unrelated
 * CAs, so a client trusting one must refuse a server of the other.
 */
public final class TestCertificateAuthority implements AutoCloseable {

	private static final Path OPENSSL = Path.of("/usr/bin/openssl");

	private final Path directory;

	private TestCertificateAuthority(Path directory) {
		this.directory = directory;
	}

	/** EC P-256 keys, valid for a day: quick to make, and nothing outlives the test. */
	public static TestCertificateAuthority create(String name) {
		if (!Files.isExecutable(OPENSSL)) {
			throw new IllegalStateException("TLS tests need " + OPENSSL + ": install Debian's openssl");
		}
		Path directory = TempDirectories.create("sunboard-ca-");
		try {
			TestCertificateAuthority ca = new TestCertificateAuthority(directory);
			Files.writeString(directory.resolve("server.ext"),
					"basicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\n"
							+ "extendedKeyUsage=serverAuth\nsubjectAltName=IP:127.0.0.1,DNS:localhost\n",
					StandardCharsets.UTF_8);
			ca.openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "1",
					"-subj", "/CN=" + name + " test CA", "-addext", "basicConstraints=critical,CA:TRUE", "-addext",
					"keyUsage=critical,keyCertSign,cRLSign", "-keyout", "ca-key.pem", "-out", "ca.pem");
			ca.openssl("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-subj",
					"/CN=127.0.0.1", "-keyout", "server-key.pem", "-out", "server.csr");
			ca.openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca-key.pem", "-CAcreateserial",
					"-days", "1", "-extfile", "server.ext", "-out", "server.pem");
			return ca;
		}
		catch (IOException ex) {
			TempDirectories.delete(directory);
			throw new UncheckedIOException(ex);
		}
		catch (RuntimeException ex) {
			TempDirectories.delete(directory);
			throw ex;
		}
	}

	/** The root certificate a client is told to trust. */
	public Path caFile() {
		return this.directory.resolve("ca.pem");
	}

	public Path serverCertFile() {
		return this.directory.resolve("server.pem");
	}

	public Path serverKeyFile() {
		return this.directory.resolve("server-key.pem");
	}

	@Override
	public void close() {
		TempDirectories.delete(this.directory);
	}

	private void openssl(String... args) {
		List<String> command = new ArrayList<>();
		command.add(OPENSSL.toString());
		command.addAll(List.of(args));
		try {
			Process process = new ProcessBuilder(command).directory(this.directory.toFile())
				.redirectErrorStream(true)
				.start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
				process.destroyForcibly();
				throw new IllegalStateException("openssl " + String.join(" ", args) + " failed: " + output);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not run " + OPENSSL, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
