package io.sunboard.server.demo;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.stereotype.Component;

import io.sunboard.kiosk.KioskClient;
import io.sunboard.kiosk.KioskConfig;
import io.sunboard.protocol.Topics;
import io.sunboard.server.broker.BrokerSettings;
import io.sunboard.server.system.SunboardSettings;

/**
 * Seeds the demo (first start only) and runs the lobby screen's kiosk client inside this
 * process, then prints where to look.
 */
@Component
@ConditionalOnProperty(name = "sunboard.demo.enabled", havingValue = "true")
class DemoRunner implements ApplicationRunner, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(DemoRunner.class);

	private final DemoData data;

	private final DemoSettings settings;

	private final SunboardSettings sunboard;

	private final BrokerSettings broker;

	private final Topics topics;

	private final WebServerApplicationContext context;

	private KioskClient kiosk;

	DemoRunner(DemoData data, DemoSettings settings, SunboardSettings sunboard, BrokerSettings broker, Topics topics,
			WebServerApplicationContext context) {
		this.data = data;
		this.settings = settings;
		this.sunboard = sunboard;
		this.broker = broker;
		this.topics = topics;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		Path demoDir = this.sunboard.dataDir().resolve("demo");
		if (!this.data.seeded()) {
			this.data.seed(demoDir, this.sunboard.adminPassword());
			log.info("Seeded demo district, schools, screens and postings");
		}
		int httpPort = this.context.getWebServer().getPort();
		Properties properties = load(demoDir.resolve(DemoData.LOBBY + ".properties"));
		properties.setProperty("broker.url", brokerUrl());
		properties.setProperty("server.url", "http://127.0.0.1:" + httpPort);
		properties.setProperty("topic.root", this.topics.root());
		properties.setProperty("data.dir", demoDir.resolve("kiosk-" + DemoData.LOBBY).toString());
		properties.setProperty("player.port", Integer.toString(this.settings.playerPort()));
		properties.setProperty("heartbeat.seconds", "5");
		this.kiosk = KioskClient.start(KioskConfig.from(properties));
		System.out.printf("%n  Sunboard demo is running.%n    Console:      http://localhost:%d/%n"
				+ "    Lobby screen: %s  (open it in a browser; it is what the screen shows)%n"
				+ "    Sign in as admin (or shiyan-editor, shiyan-reviewer, fengze-auditor), password '%s'.%n%n",
				httpPort, this.kiosk.playerUrl(), this.sunboard.adminPassword());
	}

	private String brokerUrl() {
		if (this.broker.mode() == BrokerSettings.Mode.EXTERNAL) {
			return this.broker.external().url().toString();
		}
		return "tcp://127.0.0.1:" + this.broker.embedded().port();
	}

	private static Properties load(Path file) {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the demo screen configuration " + file
					+ "; delete the data directory to seed the demo again", ex);
		}
		return properties;
	}

	@Override
	public void destroy() {
		if (this.kiosk != null) {
			this.kiosk.close();
		}
	}

}
