package com.nextarget.server.auth.facebook;

import static org.assertj.core.api.Assertions.assertThat;

import com.nextarget.server.testing.Accounts;
import com.nextarget.server.testing.AppSignIn;
import com.nextarget.server.testing.Browser;
import com.nextarget.server.testing.FakeFacebook;
import com.nextarget.server.testing.Http;
import com.nextarget.server.testing.Logins;
import com.nextarget.server.testing.RunningServer;
import com.nextarget.server.testing.SignedRequests;
import com.nextarget.server.testing.Users;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Meta's data deletion request and deauthorize callbacks (CONTRACT part two, Leaving). */
class MetaCallbacksIT {

    private final RunningServer server = RunningServer.shared();
    private final FakeFacebook facebook = RunningServer.facebook();

    @Test
    void aDataDeletionRequestDeletesTheFacebookUserAndAnswersTheStatusUrlAndCode() throws Exception {
        String facebookId = uniqueId();
        JsonObject tokens = login(facebookId);
        long id = Accounts.userOf(access(tokens));

        HttpResponse<String> response = Accounts.dataDeletion(server, SignedRequests.forUser(facebookId));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonObject answer = Http.json(response.body());
        assertThat(answer.keySet()).containsExactlyInAnyOrder("url", "confirmation_code");
        String code = answer.getString("confirmation_code");
        assertThat(code).matches("[A-Za-z0-9_-]{22,}");
        // the origin of FACEBOOK_REDIRECT_URI, which the shared server sets to its own address
        assertThat(answer.getString("url")).isEqualTo(server.uri("/auth/facebook/data-deletion/" + code).toString());

        HttpResponse<String> status = Http.get(URI.create(answer.getString("url")));
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.body()).isEqualTo("{\"confirmation_code\":\"" + code + "\",\"status\":\"deleted\"}");

        assertThat(Users.count(server, "provider = 'facebook' AND subject = '" + facebookId + "'")).isZero();
        assertThat(Accounts.rows(server, "SELECT COUNT(*) FROM sessions WHERE user_id = ?", id)).isZero();
        assertThat(Http.withBearer(server.uri("/users/me"), access(tokens)).statusCode()).isEqualTo(401);
        assertThat(AppSignIn.refresh(server, tokens.getString("refresh_token")).statusCode()).isEqualTo(400);
    }

    @Test
    void theDeletionIsLoggedOnceAsFacebooksWithoutTheFacebookIdOrEmail() {
        String facebookId = uniqueId();
        String email = "fb-" + UUID.randomUUID() + "@example.com";
        facebook.enqueue(FakeFacebook.Login.as(facebookId).email(email));
        long id = Accounts.userOf(Logins.accessToken(server, "facebook"));

        assertThat(Accounts.dataDeletion(server, SignedRequests.forUser(facebookId)).statusCode()).isEqualTo(200);
        assertThat(Accounts.dataDeletion(server, SignedRequests.forUser(facebookId)).statusCode()).isEqualTo(200);

        assertThat(Accounts.logLines(server, "user " + id + " deleted")).singleElement()
                .satisfies(line -> assertThat(line).contains("user " + id + " deleted (facebook)"));
        assertThat(server.log()).doesNotContain(facebookId).doesNotContain(email);
    }

    @Test
    void theSameRequestTwiceIsHarmlessAndBothCodesHaveAStatus() {
        String facebookId = uniqueId();
        login(facebookId);
        String signedRequest = SignedRequests.forUser(facebookId);
        JsonObject first = Http.json(Accounts.dataDeletion(server, signedRequest).body());
        HttpResponse<String> again = Accounts.dataDeletion(server, signedRequest);
        assertThat(again.statusCode()).isEqualTo(200);
        JsonObject second = Http.json(again.body());
        assertThat(second.getString("confirmation_code")).isNotEqualTo(first.getString("confirmation_code"));
        for (JsonObject answer : List.of(first, second)) {
            assertThat(Http.get(URI.create(answer.getString("url"))).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aRequestForAFacebookUserWhoIsNotHereAlsoAnswersACode() {
        HttpResponse<String> response = Accounts.dataDeletion(server, SignedRequests.forUser(uniqueId()));
        assertThat(response.statusCode()).isEqualTo(200);
        String code = Http.json(response.body()).getString("confirmation_code");
        HttpResponse<String> status = Http.get(server.uri("/auth/facebook/data-deletion/" + code));
        assertThat(Http.json(status.body()).getString("status")).isEqualTo("deleted");
    }

    @Test
    void onlyTheFacebookAccountWithThatIdIsDeleted() throws Exception {
        String facebookId = uniqueId();
        String neighbourId = uniqueId();
        Users.insert(server, "google", facebookId, "same-subject-at-google@example.com");
        JsonObject neighbour = login(neighbourId);
        login(facebookId);

        assertThat(Accounts.dataDeletion(server, SignedRequests.forUser(facebookId)).statusCode()).isEqualTo(200);

        assertThat(Users.count(server, "provider = 'facebook' AND subject = '" + facebookId + "'")).isZero();
        assertThat(Users.count(server, "provider = 'google' AND subject = '" + facebookId + "'")).isEqualTo(1);
        assertThat(Http.withBearer(server.uri("/users/me"), access(neighbour)).statusCode()).isEqualTo(200);
    }

    @Test
    void signingInWithFacebookAfterMetasDeletionMakesANewUser() {
        String facebookId = uniqueId();
        long before = Accounts.userOf(access(login(facebookId)));
        assertThat(Accounts.dataDeletion(server, SignedRequests.forUser(facebookId)).statusCode()).isEqualTo(200);
        long after = Accounts.userOf(access(login(facebookId)));
        assertThat(after).isGreaterThan(before);
    }

    @Test
    void aRequestSignedWithAnotherKeyIs400AndDeletesNothing() throws Exception {
        String facebookId = uniqueId();
        JsonObject tokens = login(facebookId);
        String forged = SignedRequests.signed("not-the-app-secret", SignedRequests.payload("HMAC-SHA256", facebookId));

        assertBadRequest(Accounts.dataDeletion(server, forged));
        assertBadRequest(Accounts.deauthorize(server, forged));

        assertThat(Users.count(server, "provider = 'facebook' AND subject = '" + facebookId + "'")).isEqualTo(1);
        assertThat(Http.withBearer(server.uri("/users/me"), access(tokens)).statusCode()).isEqualTo(200);
    }

    @Test
    void aRequestWithAnotherAlgorithmIs400EvenWhenSigned() throws Exception {
        String facebookId = uniqueId();
        login(facebookId);
        String signed = SignedRequests.signed(RunningServer.FACEBOOK_APP_SECRET,
                SignedRequests.payload("HMAC-SHA1", facebookId));
        assertBadRequest(Accounts.dataDeletion(server, signed));
        assertBadRequest(Accounts.deauthorize(server, signed));
        assertThat(Users.count(server, "provider = 'facebook' AND subject = '" + facebookId + "'")).isEqualTo(1);
    }

    @Test
    void garbageAndMissingPartsAre400() {
        String signed = SignedRequests.forUser(uniqueId());
        String signature = signed.substring(0, signed.indexOf('.'));
        String payload = signed.substring(signed.indexOf('.') + 1);
        String notJson = SignedRequests.signed(RunningServer.FACEBOOK_APP_SECRET, "not json");
        for (String garbage : List.of("garbage", "%%%.$$$", "abc.def", signature, payload, "." + payload,
                signature + ".", signed + ".extra", notJson)) {
            assertBadRequest(Accounts.dataDeletion(server, garbage));
            assertBadRequest(Accounts.deauthorize(server, garbage));
        }
    }

    @Test
    void aBodyWithoutSignedRequestOrNotFormEncodedIs400() {
        String signed = SignedRequests.forUser(uniqueId());
        for (String path : List.of("/auth/facebook/data-deletion", "/auth/facebook/deauthorize")) {
            assertBadRequest(Http.post(server.uri(path), Accounts.FORM, ""));
            assertBadRequest(Http.post(server.uri(path), Accounts.FORM, "user_id=1"));
            assertBadRequest(Http.post(server.uri(path), "application/json", "{\"signed_request\":\"" + signed + "\"}"));
            assertBadRequest(Http.post(server.uri(path), "text/plain", signed));
        }
    }

    @Test
    void paddedBase64IsAcceptedAsWellAsUnpadded() {
        String json = SignedRequests.payload("HMAC-SHA256", uniqueId());
        String payload = Base64.getUrlEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        while (!payload.endsWith("=")) {
            json = json.replace("}", " }");
            payload = Base64.getUrlEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        }
        String padded = SignedRequests.signature(RunningServer.FACEBOOK_APP_SECRET, payload) + "=." + payload;
        assertThat(Accounts.dataDeletion(server, padded).statusCode()).isEqualTo(200);
    }

    @Test
    void anUnknownConfirmationCodeIs404() {
        for (String code : List.of(AppSignIn.randomUrlSafe(16), "x")) {
            HttpResponse<String> response = Http.get(server.uri("/auth/facebook/data-deletion/" + code));
            assertThat(response.statusCode()).as(code).isEqualTo(404);
            assertThat(Http.json(response.body()).keySet()).containsExactly("detail");
        }
    }

    @Test
    void anEncodedDotDotInPlaceOfACodeIsRefusedAt400ByTheHttpLayer() {
        HttpResponse<String> response = Http.get(server.uri("/auth/facebook/data-deletion/..%2e%2e"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Http.json(response.body()).keySet()).containsExactly("detail");
    }

    @Test
    void deauthorizationEndsEverySessionOfThatUserButKeepsTheAccount() throws Exception {
        String facebookId = uniqueId();
        JsonObject phone = login(facebookId);
        JsonObject tablet = login(facebookId);
        long id = Accounts.userOf(access(phone));

        HttpResponse<String> response = Accounts.deauthorize(server, SignedRequests.forUser(facebookId));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{}");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));

        for (JsonObject device : List.of(phone, tablet)) {
            assertThat(Http.withBearer(server.uri("/users/me"), access(device)).statusCode()).isEqualTo(401);
            HttpResponse<String> refresh = AppSignIn.refresh(server, device.getString("refresh_token"));
            assertThat(Http.json(refresh.body()).getString("error")).isEqualTo("invalid_grant");
        }
        assertThat(Accounts.rows(server, "SELECT COUNT(*) FROM users WHERE id = ?", id)).isEqualTo(1);
        assertThat(Accounts.rows(server, "SELECT COUNT(*) FROM sessions WHERE user_id = ?", id)).isZero();
        JsonObject again = login(facebookId);
        assertThat(Accounts.userOf(access(again))).isEqualTo(id);
        assertThat(Http.withBearer(server.uri("/users/me"), access(again)).statusCode()).isEqualTo(200);
    }

    @Test
    void deauthorizationLeavesOtherPeoplesSessionsAlone() {
        JsonObject other = login(uniqueId());
        String leavingId = uniqueId();
        JsonObject leaving = login(leavingId);
        assertThat(Accounts.deauthorize(server, SignedRequests.forUser(leavingId)).statusCode()).isEqualTo(200);
        assertThat(Http.withBearer(server.uri("/users/me"), access(leaving)).statusCode()).isEqualTo(401);
        assertThat(Http.withBearer(server.uri("/users/me"), access(other)).statusCode()).isEqualTo(200);
    }

    @Test
    void deauthorizingAFacebookUserWhoIsNotHereIs200() {
        HttpResponse<String> response = Accounts.deauthorize(server, SignedRequests.forUser(uniqueId()));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{}");
    }

    @Test
    void theOpenApiDocumentDescribesTheCallbacksAndTheirAnswers() {
        JsonObject document = Http.json(Http.get(server.uri("/openapi"), "Accept", "application/json").body());
        JsonObject paths = document.getJsonObject("paths");
        JsonObject deletion = paths.getJsonObject("/auth/facebook/data-deletion").getJsonObject("post");
        JsonObject status = paths.getJsonObject("/auth/facebook/data-deletion/{code}").getJsonObject("get");
        JsonObject deauthorize = paths.getJsonObject("/auth/facebook/deauthorize").getJsonObject("post");
        assertThat(deletion.getJsonObject("responses").keySet()).contains("200", "400", "503");
        assertThat(status.getJsonObject("responses").keySet()).contains("200", "404");
        assertThat(deauthorize.getJsonObject("responses").keySet()).contains("200", "400", "503");
        for (JsonObject callback : List.of(deletion, deauthorize)) {
            assertThat(callback.getJsonObject("requestBody").getJsonObject("content").getJsonObject(Accounts.FORM)
                    .getJsonObject("schema").getString("$ref")).isEqualTo("#/components/schemas/SignedRequestForm");
        }

        JsonObject schemas = document.getJsonObject("components").getJsonObject("schemas");
        assertThat(schemaOf(deletion, schemas).getJsonObject("properties").keySet())
                .containsExactlyInAnyOrder("url", "confirmation_code");
        assertThat(schemaOf(deletion, schemas).getJsonArray("required").getValuesAs(JsonString::getString))
                .containsExactlyInAnyOrder("url", "confirmation_code");
        assertThat(schemaOf(status, schemas).getJsonObject("properties").keySet())
                .containsExactlyInAnyOrder("confirmation_code", "status");
        assertThat(schemaOf(status, schemas).getJsonArray("required").getValuesAs(JsonString::getString))
                .containsExactlyInAnyOrder("confirmation_code", "status");
        JsonObject noMembers = schemaOf(deauthorize, schemas).getJsonObject("properties");
        assertThat(noMembers == null ? Set.of() : noMembers.keySet()).isEmpty();
        assertThat(schemas.getJsonObject("SignedRequestForm").getJsonObject("properties").keySet())
                .containsExactly("signed_request");
    }

    /** The schema of an operation's 200 answer, looked up in the components. */
    private static JsonObject schemaOf(JsonObject operation, JsonObject schemas) {
        String ref = operation.getJsonObject("responses").getJsonObject("200").getJsonObject("content")
                .getJsonObject("application/json").getJsonObject("schema").getString("$ref");
        return schemas.getJsonObject(ref.substring("#/components/schemas/".length()));
    }

    private JsonObject login(String facebookId) {
        facebook.enqueue(FakeFacebook.Login.as(facebookId).email(facebookId + "@example.com"));
        HttpResponse<String> callback = Logins.login(new Browser(), server, "facebook");
        assertThat(callback.statusCode()).as(callback.body()).isEqualTo(200);
        return Http.json(callback.body());
    }

    private static void assertBadRequest(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(Http.json(response.body()).keySet()).containsExactly("detail");
    }

    private static String access(JsonObject tokens) {
        return tokens.getString("access_token");
    }

    private static String uniqueId() {
        return Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000_000_000L));
    }
}
