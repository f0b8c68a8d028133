package com.nextarget.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.nextarget.server.testing.AppSignIn;
import com.nextarget.server.testing.Browser;
import com.nextarget.server.testing.FakeGoogle;
import com.nextarget.server.testing.Http;
import com.nextarget.server.testing.Logins;
import com.nextarget.server.testing.OperationsServer;
import com.nextarget.server.testing.RunningServer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MetricsIT {

    private static final String PROMTOOL = "/usr/bin/promtool";

    private final RunningServer server = RunningServer.shared();

    @Test
    void metricsPassPromtoolCheck() throws Exception {
        Http.get(server.uri("/health"));
        Http.get(server.uri("/users/me"));
        HttpResponse<String> metrics = Http.get(server.uri("/metrics"));
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain").contains("version=0.0.4"));
        assertThat(Path.of(PROMTOOL)).as("promtool (Debian package prometheus; .ci/run installs it)").isExecutable();
        Process promtool = new ProcessBuilder(PROMTOOL, "check", "metrics").redirectErrorStream(true).start();
        promtool.getOutputStream().write(metrics.body().getBytes(StandardCharsets.UTF_8));
        promtool.getOutputStream().close();
        String output = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(promtool.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(promtool.exitValue()).as("promtool check metrics: %s", output).isZero();
    }

    @Test
    void everyLoginCounterExistsBeforeItsFirstLogin() {
        String metrics = scrape();
        for (String provider : new String[] {"google", "facebook"}) {
            for (String way : Metrics.WAYS) {
                for (String outcome : Metrics.LOGIN_OUTCOMES) {
                    assertThat(metrics).containsPattern(Pattern.quote("nextarget_logins_total{outcome=\"" + outcome
                            + "\",provider=\"" + provider + "\",way=\"" + way + "\"} "));
                }
            }
        }
        for (String outcome : Metrics.REFRESH_OUTCOMES) {
            assertThat(metrics).contains("nextarget_refreshes_total{outcome=\"" + outcome + "\"} ");
        }
        assertThat(metrics).containsPattern("(?m)^nextarget_rate_limited_total \\d");
    }

    @Test
    void aSuccessfulBrowserLoginCountsOnce() {
        String series = "nextarget_logins_total{outcome=\"success\",provider=\"google\",way=\"browser\"}";
        double before = value(scrape(), series);
        Logins.accessToken(server, "google");
        assertThat(value(scrape(), series)).isEqualTo(before + 1);
    }

    @Test
    void anAppSignInCountsUnderTheAppWay() {
        String series = "nextarget_logins_total{outcome=\"success\",provider=\"facebook\",way=\"app\"}";
        double before = value(scrape(), series);
        AppSignIn app = new AppSignIn();
        assertThat(app.redeem(server, app.code(server, "facebook")).statusCode()).isEqualTo(200);
        assertThat(value(scrape(), series)).isEqualTo(before + 1);
    }

    @Test
    void refreshesCountByOutcome() throws InterruptedException {
        String success = "nextarget_refreshes_total{outcome=\"success\"}";
        String retry = "nextarget_refreshes_total{outcome=\"retry\"}";
        String invalid = "nextarget_refreshes_total{outcome=\"invalid\"}";
        String before = scrape();
        String refreshToken = Http.json(Logins.login(new Browser(), server, "google").body()).getString("refresh_token");
        assertThat(AppSignIn.refresh(server, refreshToken).statusCode()).isEqualTo(200);
        assertThat(AppSignIn.refresh(server, refreshToken).statusCode()).isEqualTo(200);
        assertThat(AppSignIn.refresh(server, "no-such-token").statusCode()).isEqualTo(400);
        String after = scrape();
        assertThat(value(after, success)).isEqualTo(value(before, success) + 1);
        assertThat(value(after, retry)).isEqualTo(value(before, retry) + 1);
        assertThat(value(after, invalid)).isEqualTo(value(before, invalid) + 1);
    }

    @Test
    void aLoginWhoseIdTokenIsRefusedCountsAsRejected() {
        String series = "nextarget_logins_total{outcome=\"rejected\",provider=\"google\",way=\"browser\"}";
        double before = value(scrape(), series);
        RunningServer.google().enqueue(FakeGoogle.Login.as("metrics-" + System.nanoTime()).audience("another-client"));
        assertThat(Logins.login(new Browser(), server, "google").statusCode()).isEqualTo(401);
        assertThat(value(scrape(), series)).isEqualTo(before + 1);
    }

    @Test
    void requestDurationsAreCountedByEndpointTemplateAndStatusClass() {
        String series = "nextarget_http_request_duration_seconds_count{endpoint=\"/users/me\",method=\"GET\",status=\"4xx\"}";
        double before = value(scrape(), series);
        assertThat(Http.get(server.uri("/users/me")).statusCode()).isEqualTo(401);
        assertThat(value(scrape(), series)).isEqualTo(before + 1);
        assertThat(scrape()).contains(
                "nextarget_http_request_duration_seconds_bucket{endpoint=\"/users/me\",method=\"GET\",status=\"4xx\",le=\"0.005\"}");
    }

    @Test
    void unknownPathsShareOneLabelAndNoLabelHoldsARawPath() {
        String probe = "/probe-" + System.nanoTime() + "/secret-looking-segment";
        assertThat(Http.get(server.uri(probe + "?token=abc")).statusCode()).isEqualTo(404);
        String metrics = scrape();
        assertThat(metrics).doesNotContain(probe.substring(1, 12)).doesNotContain("secret-looking-segment");
        assertThat(metrics).contains("endpoint=\"unmatched\",method=\"GET\",status=\"4xx\"");
    }

    @Test
    void noLabelHoldsAnEmailOrAToken() {
        String token = Logins.accessToken(server, "google");
        Http.withBearer(server.uri("/users/me"), token);
        String metrics = scrape();
        assertThat(metrics).doesNotContain(token).doesNotContain("@example.com");
    }

    @Test
    void withMetricsTokenAScrapeWithoutItIs401WithABearerChallenge() {
        RunningServer operations = OperationsServer.server();
        HttpResponse<String> anonymous = Http.get(operations.uri("/metrics"));
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(anonymous.body()).isEqualTo("{\"detail\":\"Not authenticated\"}");
        HttpResponse<String> wrong = Http.withBearer(operations.uri("/metrics"), OperationsServer.METRICS_TOKEN + "x");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).doesNotContain("nextarget_");
    }

    @Test
    void withMetricsTokenAScrapeWithItIsAnswered() {
        RunningServer operations = OperationsServer.server();
        HttpResponse<String> metrics = Http.withBearer(operations.uri("/metrics"), OperationsServer.METRICS_TOKEN);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("# TYPE nextarget_logins_total counter");
    }

    private String scrape() {
        HttpResponse<String> metrics = Http.get(server.uri("/metrics"));
        assertThat(metrics.statusCode()).isEqualTo(200);
        return metrics.body();
    }

    static double value(String metrics, String series) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(metrics);
        assertThat(line.find()).as("series %s in:%n%s", series, metrics).isTrue();
        return Double.parseDouble(line.group(1));
    }
}
