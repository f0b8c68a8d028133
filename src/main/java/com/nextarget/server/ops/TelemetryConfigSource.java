package com.nextarget.server.ops;

import com.nextarget.server.config.DotEnvFile;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * MicroProfile Telemetry's settings follow {@code OTEL_EXPORTER_OTLP_ENDPOINT} (environment or {@code .env}): unset,
 * this source is empty and the OpenTelemetry SDK stays disabled (the MicroProfile default; any {@code otel.*} value
 * at all makes Payara set up telemetry for the application, with a cost on every request); set, traces (only traces)
 * are exported there by OTLP over HTTP/protobuf as service {@code nextarget}. Its ordinal (240) is below the environment's and
 * {@code .env}'s, so any {@code OTEL_*} variable given explicitly still wins.
 */
public class TelemetryConfigSource implements ConfigSource {

    static final String ENDPOINT = "OTEL_EXPORTER_OTLP_ENDPOINT";

    private final Map<String, String> values;

    public TelemetryConfigSource() {
        this(System.getenv(ENDPOINT) != null ? System.getenv(ENDPOINT) : DotEnvFile.readWorkingDirectory().get(ENDPOINT));
    }

    TelemetryConfigSource(String endpoint) {
        values = endpoint == null || endpoint.isBlank()
                ? Map.of()
                : Map.of("otel.sdk.disabled", "false",
                        "otel.exporter.otlp.endpoint", endpoint.strip(),
                        "otel.exporter.otlp.protocol", "http/protobuf",
                        "otel.traces.exporter", "otlp",
                        "otel.metrics.exporter", "none",
                        "otel.logs.exporter", "none",
                        "otel.service.name", "nextarget");
    }

    @Override
    public Set<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return values.get(propertyName);
    }

    @Override
    public String getName() {
        return "OpenTelemetry settings from " + ENDPOINT;
    }

    @Override
    public int getOrdinal() {
        return 240;
    }
}
