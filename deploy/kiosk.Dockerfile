# A headless Sunboard kiosk client (player page on port 8090, no browser): for trying the
# system out and for load tests with real clients. Real screens run it under systemd with
# Chromium (device-config/).
FROM eclipse-temurin:17-jre
RUN useradd --system --home-dir /var/lib/sunboard sunboard && mkdir -p /var/lib/sunboard && chown sunboard /var/lib/sunboard
COPY kiosk-client/target/kiosk-client-0.1.0-SNAPSHOT-all.jar /opt/sunboard/kiosk-client-all.jar
USER sunboard
EXPOSE 8090
ENTRYPOINT ["java", "-Xmx96m", "-XX:+UseSerialGC", "-jar", "/opt/sunboard/kiosk-client-all.jar"]
