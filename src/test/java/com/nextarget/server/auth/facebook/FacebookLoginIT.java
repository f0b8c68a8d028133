package com.nextarget.server.auth.facebook;

import static org.assertj.core.api.Assertions.assertThat;

import com.nextarget.server.testing.Browser;
import com.nextarget.server.testing.FakeFacebook;
import com.nextarget.server.testing.Http;
import com.nextarget.server.testing.Logins;
import com.nextarget.server.testing.RunningServer;
import com.nextarget.server.testing.Users;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FacebookLoginIT {

    private final RunningServer server = RunningServer.shared();
    private final FakeFacebook facebook = RunningServer.facebook();

    @Test
    void startRedirectsToTheLoginDialog() {
        var start = new Browser().get(server.uri("/auth/facebook/start"));
        assertThat(start.statusCode()).isIn(302, 303, 307);
        URI location = Browser.location(start);
        assertThat(location.toString()).startsWith(facebook.authorizeUrl() + "?");
        Map<String, String> query = Browser.query(location);
        assertThat(query).containsEntry("client_id", RunningServer.FACEBOOK_APP_ID)
                .containsEntry("redirect_uri", server.uri("/auth/facebook/callback").toString())
                .containsEntry("response_type", "code");
        assertThat(query.get("scope").split(",| ")).contains("email");
        assertThat(query.get("state")).hasSizeGreaterThanOrEqualTo(16);
    }

    @Test
    void wholeFlowEndsWithAnAccessTokenForUsersMe() {
        String id = uniqueId();
        facebook.enqueue(FakeFacebook.Login.as(id).email("grace@example.com"));
        HttpResponse<String> callback = Logins.login(new Browser(), server, "facebook");
        assertThat(callback.statusCode()).isEqualTo(200);
        assertThat(callback.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonObject token = Http.json(callback.body());
        assertThat(token.getString("token_type")).isEqualTo("bearer");

        var me = Http.withBearer(server.uri("/users/me"), token.getString("access_token"));
        assertThat(me.statusCode()).isEqualTo(200);
        JsonObject user = Http.json(me.body());
        assertThat(user.getString("email")).isEqualTo("grace@example.com");
        assertThat(user.getString("provider")).isEqualTo("facebook");
        assertThat(user.getBoolean("email_is_placeholder")).isFalse();
    }

    @Test
    void profileIsReadWithACorrectAppSecretProof() {
        facebook.enqueue(FakeFacebook.Login.as(uniqueId()));
        assertThat(Logins.login(new Browser(), server, "facebook").statusCode()).isEqualTo(200);
        assertThat(facebook.lastAppsecretProof()).isEqualTo(
                GraphApiClient.appSecretProof(facebook.lastAccessToken(), RunningServer.FACEBOOK_APP_SECRET));
    }

    @Test
    void userWithoutEmailGetsAStableUndeliverablePlaceholder() {
        String id = uniqueId();
        facebook.enqueue(FakeFacebook.Login.as(id).email(null));
        JsonObject first = me(Logins.accessToken(server, "facebook"));
        facebook.enqueue(FakeFacebook.Login.as(id).email(null));
        JsonObject second = me(Logins.accessToken(server, "facebook"));
        assertThat(first.getString("email")).endsWith(".invalid").contains(id);
        assertThat(first.getBoolean("email_is_placeholder")).isTrue();
        assertThat(second.getString("email")).isEqualTo(first.getString("email"));
        assertThat(second.getJsonNumber("id").longValue()).isEqualTo(first.getJsonNumber("id").longValue());
    }

    @Test
    void refusedConsentIs400AndStoresNothing() throws Exception {
        String id = uniqueId();
        facebook.enqueue(FakeFacebook.Login.as(id).deny());
        assertBadRequest(Logins.login(new Browser(), server, "facebook"));
        assertThat(Users.count(server, "subject = '" + id + "'")).isZero();
    }

    @Test
    void codeRefusedByFacebookIs400() {
        facebook.enqueue(FakeFacebook.Login.as(uniqueId()).tokenEndpointStatus(400,
                "{\"error\":{\"message\":\"This authorization code has been used.\",\"type\":\"OAuthException\",\"code\":100}}"));
        assertBadRequest(Logins.login(new Browser(), server, "facebook"));
    }

    @Test
    void graphApiErrorIs502AndStoresNothing() throws Exception {
        String id = uniqueId();
        facebook.enqueue(FakeFacebook.Login.as(id).meStatus(500,
                "{\"error\":{\"message\":\"An unknown error occurred\",\"type\":\"OAuthException\",\"code\":1}}"));
        var callback = Logins.login(new Browser(), server, "facebook");
        assertThat(callback.statusCode()).isEqualTo(502);
        assertThat(callback.body()).startsWith("{\"detail\":");
        assertThat(Users.count(server, "subject = '" + id + "'")).isZero();
    }

    @Test
    void graphApiSlowerThanTenSecondsIs504() {
        facebook.enqueue(FakeFacebook.Login.as(uniqueId()).meDelayMillis(12_000));
        var callback = Logins.login(new Browser(), server, "facebook");
        assertThat(callback.statusCode()).isEqualTo(504);
        assertThat(callback.body()).startsWith("{\"detail\":");
    }

    @Test
    void loginLeaksNoCodeTokenOrSecret() {
        Browser browser = new Browser();
        URI callback = Logins.callbackUri(browser, server, "facebook");
        HttpResponse<String> response = browser.get(callback);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).doesNotContain(facebook.lastAccessToken());
        assertThat(server.log()).doesNotContain(Browser.query(callback).get("code"))
                .doesNotContain(facebook.lastAccessToken())
                .doesNotContain(Logins.accessTokenOf(response))
                .doesNotContain(RunningServer.FACEBOOK_APP_SECRET);
    }

    private static String uniqueId() {
        return Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits()));
    }

    private static void assertBadRequest(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).startsWith("{\"detail\":\"").doesNotContain("access_token");
    }

    private JsonObject me(String accessToken) {
        var response = Http.withBearer(server.uri("/users/me"), accessToken);
        assertThat(response.statusCode()).isEqualTo(200);
        return Http.json(response.body());
    }
}
