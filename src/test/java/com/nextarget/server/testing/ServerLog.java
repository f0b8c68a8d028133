package com.nextarget.server.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/** The JSON lines of a server started with {@code LOG_FORMAT=json}. */
public final class ServerLog {

    private ServerLog() {
    }

    public static JsonObject parse(String line) {
        try (var reader = Json.createReader(new StringReader(line))) {
            return reader.readObject();
        }
    }

    /** The access lines (logger {@code nextarget.access}) that match, waiting up to 10 s for at least one. */
    public static List<JsonObject> awaitAccessLines(RunningServer server, Predicate<JsonObject> matching) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (true) {
            List<JsonObject> lines = server.log().lines()
                    .filter(line -> line.contains("\"logger\":\"nextarget.access\""))
                    .map(ServerLog::parse).filter(matching).toList();
            if (!lines.isEmpty() || Instant.now().isAfter(deadline)) {
                return lines;
            }
            try {
                // the access line is written after the response has left, so it can trail the answer a little
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return lines;
            }
        }
    }
}
