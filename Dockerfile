# Build: the same Maven build as on a laptop (mvn package), tests skipped (CI runs them).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src ./src
RUN mvn -B -q package -DskipTests

# Run: the README's command, java @jvm.options -XX:SharedArchiveFile=nextarget.jsa -jar nextarget.jar, unprivileged.
FROM eclipse-temurin:17-jre
RUN useradd --system --create-home --home-dir /app nextarget
WORKDIR /app
# nextarget.jar starts Payara Micro from nextarget-runtime/ beside it (its launcher layout, made by mvn package)
COPY --from=build /build/target/nextarget.jar /app/nextarget.jar
COPY --from=build /build/target/nextarget-runtime /app/nextarget-runtime
COPY --from=build /build/src/main/jvm/jvm.options /app/jvm.options
# The class-data archive must come from this image's own JVM (the build stage's JDK is another one): one training
# start, as mvn package does, in a scratch directory that is thrown away; the archive is written when it exits.
# The archive builds on the JRE's own base archive, which not every JRE build ships: -Xshare:dump writes it when
# -Xshare:on finds none. A training start that wrote no archive fails the build rather than leave a slower image.
RUN { java -Xshare:on -version > /dev/null 2>&1 || java -Xshare:dump > /dev/null; } \
    && mkdir /tmp/class-data-training && cd /tmp/class-data-training \
    && if ! env -i PATH="$PATH" PORT=8000 java @/app/jvm.options -XX:ArchiveClassesAtExit=/app/nextarget.jsa \
            -Dnextarget.exitWhenReady=true -jar /app/nextarget.jar > training.log 2>&1 \
            || ! test -s /app/nextarget.jsa; \
       then tail -50 training.log; exit 1; fi \
    && cd / && rm -rf /tmp/class-data-training /tmp/nextarget-instance-* && chmod 444 /app/nextarget.jsa
RUN mkdir -p /app/data && chown nextarget /app/data
USER nextarget
# ./data holds the SQLite file and, without JWT_SECRET_KEY, the generated signing key: mount a volume here.
VOLUME /app/data
ENV PORT=8000
# One JSON object per log line, for the platform's log search (README "Operating it")
ENV LOG_FORMAT=json
EXPOSE 8000
CMD ["java", "@jvm.options", "-XX:SharedArchiveFile=nextarget.jsa", "-jar", "nextarget.jar"]
