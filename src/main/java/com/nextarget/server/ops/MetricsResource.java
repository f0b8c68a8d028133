package com.nextarget.server.ops;

import com.nextarget.server.error.ErrorResponses;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /metrics}: Prometheus text exposition format, behind {@code METRICS_TOKEN} when it is set. */
@Path("metrics")
@Tag(name = "operations")
public class MetricsResource {

    private static final PrometheusTextFormatWriter FORMAT = PrometheusTextFormatWriter.create();

    @Inject
    Metrics metrics;

    @Inject
    MetricsToken token;

    @GET
    @Operation(operationId = "scrapeMetrics",
            summary = "Prometheus metrics: sign-ins, refreshes, rate-limited requests, request durations, JVM")
    @APIResponse(responseCode = "200", description = "Prometheus text format 0.0.4",
            content = @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "401", description = "METRICS_TOKEN is set and the request does not carry it")
    public Response scrape(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        if (!token.admits(authorization)) {
            return ErrorResponses.of(401, "Not authenticated").build();
        }
        StreamingOutput body = out -> FORMAT.write(out, metrics.registry().scrape());
        return Response.ok(body, PrometheusTextFormatWriter.CONTENT_TYPE).build();
    }
}
