# The Sunboard server: build the jar first (./mvnw -B -q install -DskipTests), then
# docker-compose build. The image only copies it: no Maven inside.
FROM eclipse-temurin:17-jre
RUN useradd --system --home-dir /data sunboard && mkdir -p /data && chown sunboard /data
COPY server/target/sunboard-server-exec.jar /opt/sunboard/sunboard-server.jar
USER sunboard
WORKDIR /data
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/opt/sunboard/sunboard-server.jar", "--sunboard.data-dir=/data"]
