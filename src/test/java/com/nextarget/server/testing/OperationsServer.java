package com.nextarget.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A server configured as an operator would run it (JSON logs, traces exported to an {@link OtlpReceiver}, a metrics
 * token), with the fake providers; started at first use and shared by the operations tests.
 */
public final class OperationsServer {

    public static final String METRICS_TOKEN = "metrics-test-token-0123456789";

    private static RunningServer server;
    private static OtlpReceiver receiver;

    private OperationsServer() {
    }

    public static synchronized RunningServer server() {
        if (server == null) {
            // its log must hold this run's lines only: every one of them is checked
            try {
                Files.deleteIfExists(Path.of("target", "it-servers", "operations", "server.log"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server = RunningServer.start("operations", RunningServer.withProviders(Map.of(
                    "LOG_FORMAT", "json",
                    "OTEL_EXPORTER_OTLP_ENDPOINT", receiver().endpoint(),
                    // export within a fraction of a second instead of the default 5 s
                    "OTEL_BSP_SCHEDULE_DELAY", "100",
                    "METRICS_TOKEN", METRICS_TOKEN)));
        }
        return server;
    }

    public static synchronized OtlpReceiver receiver() {
        if (receiver == null) {
            receiver = new OtlpReceiver();
        }
        return receiver;
    }
}
