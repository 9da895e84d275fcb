# One image per app: docker build --build-arg APP=command-side (or query-side).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests install

FROM eclipse-temurin:17-jre
ARG APP
RUN useradd --system --uid 10001 gasp
WORKDIR /app
COPY --from=build /src/${APP}/target/${APP}-0.1.0-SNAPSHOT-exec.jar /app/app.jar
USER gasp
# Out of memory, the JVM exits instead of going on with dead threads (an event processor, the
# event store's reader) behind a health check that may still answer; compose restarts it and
# the processors resume from their stored positions (docs/adr/0015).
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/app.jar"]
