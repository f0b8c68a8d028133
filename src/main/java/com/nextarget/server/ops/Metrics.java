package com.nextarget.server.ops;

import com.nextarget.server.auth.LoginFinished;
import com.nextarget.server.ratelimit.RateLimited;
import com.nextarget.server.token.RefreshFinished;
import com.nextarget.server.user.IdentityProvider;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/**
 * The numbers behind {@code GET /metrics}, fed by CDI events rather than by calls from the code that does the work.
 * Labels hold only values from fixed sets (provider, way, outcome, method, endpoint template, status class): never a
 * user, an email, a token or a raw path. Every combination that can occur is declared up front, so a counter reads 0
 * before its first event instead of being absent.
 */
@ApplicationScoped
public class Metrics {

    static final List<String> WAYS = List.of(LoginFinished.BROWSER, LoginFinished.APP, LoginFinished.SDK);
    static final List<String> LOGIN_OUTCOMES = List.of("success", "rejected", "failed");
    static final List<String> REFRESH_OUTCOMES = List.of("success", "retry", "reuse", "invalid");

    private final PrometheusRegistry registry = new PrometheusRegistry();

    private final Counter logins = Counter.builder()
            .name("nextarget_logins_total")
            .help("Sign-ins that reached a provider's callback or token exchange, by provider, way and outcome")
            .labelNames("provider", "way", "outcome")
            .withoutExemplars()
            .register(registry);

    private final Counter refreshes = Counter.builder()
            .name("nextarget_refreshes_total")
            .help("Refresh-token grants at the token endpoint, by outcome")
            .labelNames("outcome")
            .withoutExemplars()
            .register(registry);

    private final Counter rateLimited = Counter.builder()
            .name("nextarget_rate_limited_total")
            .help("Requests to /auth/* refused with 429 because their client exceeded RATE_LIMIT_PER_MINUTE")
            .withoutExemplars()
            .register(registry);

    private final Histogram requests = Histogram.builder()
            .name("nextarget_http_request_duration_seconds")
            .help("HTTP requests by method, endpoint template and status class, from the first sight of the request "
                    + "in the application to its answer")
            .labelNames("method", "endpoint", "status")
            .classicOnly()
            .withoutExemplars()
            .register(registry);

    public Metrics() {
        for (IdentityProvider provider : IdentityProvider.values()) {
            for (String way : WAYS) {
                for (String outcome : LOGIN_OUTCOMES) {
                    logins.labelValues(provider.wireName(), way, outcome);
                }
            }
        }
        REFRESH_OUTCOMES.forEach(refreshes::labelValues);
        rateLimited.initLabelValues();
        JvmMetrics.builder().register(registry);
    }

    PrometheusRegistry registry() {
        return registry;
    }

    void loginFinished(@Observes LoginFinished login) {
        logins.labelValues(login.provider().wireName(), login.way(), login.outcome()).inc();
    }

    void refreshFinished(@Observes RefreshFinished refresh) {
        refreshes.labelValues(refresh.outcome()).inc();
    }

    void rateLimited(@Observes RateLimited limited) {
        rateLimited.inc();
    }

    void requestServed(String method, String endpoint, int status, double seconds) {
        requests.labelValues(method, endpoint, status / 100 + "xx").observe(seconds);
    }
}
