# Build: the same Maven build as on a laptop (mvn package), tests skipped (CI runs them).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src ./src
RUN mvn -B -q package -DskipTests

# Run: the README's command, java @jvm.options -jar nextarget.jar, as an unprivileged user.
FROM eclipse-temurin:17-jre
RUN useradd --system --create-home --home-dir /app nextarget
WORKDIR /app
COPY --from=build /build/target/nextarget.jar /app/nextarget.jar
COPY --from=build /build/src/main/jvm/jvm.options /app/jvm.options
RUN mkdir -p /app/data && chown nextarget /app/data
USER nextarget
# ./data holds the SQLite file and, without JWT_SECRET_KEY, the generated signing key: mount a volume here.
VOLUME /app/data
ENV PORT=8000
EXPOSE 8000
CMD ["java", "@jvm.options", "-jar", "nextarget.jar"]
