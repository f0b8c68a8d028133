package com.nextarget.server.testing;

import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** What leaving takes: the deletion request of the app, Meta's callbacks, and a look at what stays in the database. */
public final class Accounts {

    public static final String FORM = "application/x-www-form-urlencoded";

    private Accounts() {
    }

    /** {@code DELETE /users/me}, as the app sends it. */
    public static HttpResponse<String> deleteMe(RunningServer server, String accessToken) {
        return Http.send(HttpRequest.newBuilder(server.uri("/users/me")).DELETE()
                .header("Authorization", "Bearer " + accessToken).timeout(Duration.ofSeconds(30)).build());
    }

    /** Meta's data deletion request callback with this signed_request. */
    public static HttpResponse<String> dataDeletion(RunningServer server, String signedRequest) {
        return Http.postForm(server.uri("/auth/facebook/data-deletion"), Map.of("signed_request", signedRequest));
    }

    /** Meta's deauthorize callback with this signed_request. */
    public static HttpResponse<String> deauthorize(RunningServer server, String signedRequest) {
        return Http.postForm(server.uri("/auth/facebook/deauthorize"), Map.of("signed_request", signedRequest));
    }

    /** The session an access token belongs to (its {@code sid} claim). */
    public static String sessionOf(String accessToken) {
        try {
            return SignedJWT.parse(accessToken).getJWTClaimsSet().getStringClaim("sid");
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The id the server gave the user of an access token (its {@code sub} claim). */
    public static long userOf(String accessToken) {
        try {
            return Long.parseLong(SignedJWT.parse(accessToken).getJWTClaimsSet().getSubject());
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Rows in a server's SQLite database that match a query with one parameter. */
    public static int rows(RunningServer server, String countQuery, Object parameter) throws SQLException {
        try (var db = server.database(); var statement = db.prepareStatement(countQuery)) {
            statement.setObject(1, parameter);
            try (var result = statement.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }

    /** The lines of a server's log that contain this text. */
    public static List<String> logLines(RunningServer server, String text) {
        return server.log().lines().filter(line -> line.contains(text)).toList();
    }
}
