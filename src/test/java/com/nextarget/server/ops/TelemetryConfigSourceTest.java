package com.nextarget.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TelemetryConfigSourceTest {

    @Test
    void withoutAnEndpointItSaysNothingAndTheSdkStaysDisabledByDefault() {
        var source = new TelemetryConfigSource(null);
        assertThat(source.getPropertyNames()).isEmpty();
        assertThat(source.getValue("otel.sdk.disabled")).isNull();
    }

    @Test
    void withAnEndpointOnlyTracesAreExportedThereOverHttp() {
        var source = new TelemetryConfigSource(" http://collector:4318 ");
        assertThat(source.getValue("otel.sdk.disabled")).isEqualTo("false");
        assertThat(source.getValue("otel.exporter.otlp.endpoint")).isEqualTo("http://collector:4318");
        assertThat(source.getValue("otel.exporter.otlp.protocol")).isEqualTo("http/protobuf");
        assertThat(source.getValue("otel.traces.exporter")).isEqualTo("otlp");
        assertThat(source.getValue("otel.metrics.exporter")).isEqualTo("none");
        assertThat(source.getValue("otel.logs.exporter")).isEqualTo("none");
        assertThat(source.getValue("otel.service.name")).isEqualTo("nextarget");
    }

    @Test
    void anExplicitOtelVariableWins() {
        // the environment's ConfigSource has ordinal 300, .env 250
        assertThat(new TelemetryConfigSource("http://x").getOrdinal()).isLessThan(250);
    }
}
