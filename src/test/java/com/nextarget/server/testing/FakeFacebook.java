package com.nextarget.server.testing;

import com.sun.net.httpserver.HttpExchange;
import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayDeque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Facebook's login dialog and Graph API on loopback (FACEBOOK_AUTHORIZE_URL, FACEBOOK_GRAPH_URL): the dialog answers
 * at once, the code exchange, {@code debug_token} and {@code /me} behave like Graph v21, including its check of
 * {@code appsecret_proof}. It also hands out user access tokens as the SDK would, and is a Limited Login issuer
 * (FACEBOOK_OIDC_ISSUER, FACEBOOK_OIDC_JWKS_URL) with keys of its own.
 */
public final class FakeFacebook implements AutoCloseable {

    private static final String GRAPH = "/v21.0";
    private static final String JWKS_PATH = "/limited/.well-known/oauth/openid/jwks/";
    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    private final LoopbackServer http;
    private final String appId;
    private final String appSecret;
    private final Queue<Login> scripts = new ArrayDeque<>();
    private final FakeCredentials<Grant> codes = new FakeCredentials<>("fb-code-");
    private final FakeCredentials<Login> accessTokens = new FakeCredentials<>("EAAfake");
    private final FakeCredentials<Login> otherAppTokens = new FakeCredentials<>("EAAother");
    private final FakeLimitedLogin limitedLogin;
    private final AtomicInteger debugTokenRequests = new AtomicInteger();
    private final AtomicInteger meRequests = new AtomicInteger();
    private volatile MeRequest lastMeRequest = new MeRequest(null, null);

    private record Grant(String redirectUri, Login login) {
    }

    private record MeRequest(String accessToken, String appsecretProof) {
    }

    private FakeFacebook(String appId, String appSecret, int port) {
        this.appId = appId;
        this.appSecret = appSecret;
        this.http = LoopbackServer.start(port);
        http.route("/dialog/oauth", this::dialog);
        http.route(GRAPH + "/oauth/access_token", this::accessToken);
        http.route(GRAPH + "/me", this::me);
        http.route(GRAPH + "/debug_token", this::debugToken);
        this.limitedLogin = new FakeLimitedLogin(http.baseUrl() + "/limited", appId);
        http.route(JWKS_PATH, exchange -> LoopbackServer.json(exchange, 200, limitedLogin.jwks()));
    }

    public static FakeFacebook start(String appId, String appSecret) {
        return start(appId, appSecret, 0);
    }

    /** Port 0 picks a free one. */
    public static FakeFacebook start(String appId, String appSecret, int port) {
        return new FakeFacebook(appId, appSecret, port);
    }

    public String authorizeUrl() {
        return http.baseUrl() + "/dialog/oauth";
    }

    public String graphUrl() {
        return http.baseUrl() + GRAPH;
    }

    /** FACEBOOK_OIDC_ISSUER of the fake's Limited Login. */
    public String oidcIssuer() {
        return limitedLogin.issuer();
    }

    public String oidcJwksUrl() {
        return http.baseUrl() + JWKS_PATH;
    }

    /** A user access token of this app, as the SDK on a phone gets it after the person signs in. */
    public String sdkAccessToken(Login login) {
        return accessTokens.issue(login);
    }

    /** A valid user access token, but of another Facebook app. */
    public String sdkAccessTokenOfAnotherApp(Login login) {
        return otherAppTokens.issue(login);
    }

    /** A Limited Login id_token, as the iOS SDK gets it. */
    public String limitedLoginToken(LimitedLogin login) {
        return limitedLogin.mint(login);
    }

    public int debugTokenRequests() {
        return debugTokenRequests.get();
    }

    /** The script for the next login dialog; without one, {@code Login.as("1234567890")}. */
    public synchronized void enqueue(Login login) {
        scripts.add(login);
    }

    /** The appsecret_proof of the latest /me request, as sent (null when it had none). */
    public String lastAppsecretProof() {
        return lastMeRequest.appsecretProof;
    }

    public String lastAccessToken() {
        return lastMeRequest.accessToken;
    }

    public int meRequests() {
        return meRequests.get();
    }

    /** What Graph expects as appsecret_proof for this token: hex HMAC-SHA256 of it, keyed with the app secret. */
    public String expectedAppsecretProof(String accessToken) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(accessToken.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void dialog(HttpExchange exchange) throws IOException {
        Map<String, String> query = LoopbackServer.query(exchange.getRequestURI().getRawQuery());
        String redirectUri = query.get("redirect_uri");
        String state = query.get("state");
        String responseType = query.getOrDefault("response_type", "code");
        if (!appId.equals(query.get("client_id")) || redirectUri == null || state == null
                || !"code".equals(responseType) || !scopes(query).contains("email")) {
            LoopbackServer.text(exchange, 400, "invalid login dialog request");
            return;
        }
        Login login = nextLogin();
        if (login.deny) {
            LoopbackServer.redirect(exchange, LoopbackServer.withQuery(redirectUri, Map.of("error", "access_denied",
                    "error_reason", "user_denied", "error_description", "Permissions error", "state", state)));
            return;
        }
        String code = codes.issue(new Grant(redirectUri, login));
        LoopbackServer.redirect(exchange, LoopbackServer.withQuery(redirectUri, Map.of("code", code, "state", state)));
    }

    private void accessToken(HttpExchange exchange) throws IOException {
        Map<String, String> form = LoopbackServer.form(exchange);
        if (!appId.equals(form.get("client_id")) || !appSecret.equals(form.get("client_secret"))) {
            graphError(exchange, 400, "Error validating client secret.", "OAuthException", 1);
            return;
        }
        Grant grant = codes.redeem(form.get("code"));
        if (grant == null || !grant.redirectUri.equals(form.get("redirect_uri"))) {
            graphError(exchange, 400, "This authorization code has been used.", "OAuthException", 100);
            return;
        }
        Login login = grant.login;
        LoopbackServer.pause(login.tokenDelayMillis);
        if (login.tokenStatus != 200) {
            LoopbackServer.json(exchange, login.tokenStatus, login.tokenBody);
            return;
        }
        LoopbackServer.json(exchange, 200, JSON.createObjectBuilder()
                .add("access_token", accessTokens.issue(login))
                .add("token_type", "bearer")
                .add("expires_in", 5183944)
                .build().toString());
    }

    private void me(HttpExchange exchange) throws IOException {
        meRequests.incrementAndGet();
        Map<String, String> query = LoopbackServer.query(exchange.getRequestURI().getRawQuery());
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String token = authorization != null && authorization.startsWith("Bearer ")
                ? authorization.substring(7) : query.get("access_token");
        String proof = query.get("appsecret_proof");
        lastMeRequest = new MeRequest(token, proof);
        Login login = accessTokens.find(token);
        if (login == null) {
            graphError(exchange, 401, "Invalid OAuth access token.", "OAuthException", 190);
            return;
        }
        if (proof == null || !proof.equals(expectedAppsecretProof(token))) {
            graphError(exchange, 400, "Invalid appsecret_proof provided in the API argument", "GraphMethodException", 100);
            return;
        }
        LoopbackServer.pause(login.meDelayMillis);
        if (login.meStatus != 200) {
            LoopbackServer.json(exchange, login.meStatus, login.meBody);
            return;
        }
        JsonObjectBuilder profile = JSON.createObjectBuilder().add("id", login.id);
        if (login.email != null) {
            profile.add("email", login.email);
        }
        LoopbackServer.json(exchange, 200, profile.build().toString());
    }

    private void debugToken(HttpExchange exchange) throws IOException {
        debugTokenRequests.incrementAndGet();
        Map<String, String> query = LoopbackServer.query(exchange.getRequestURI().getRawQuery());
        if (!(appId + "|" + appSecret).equals(query.get("access_token"))) {
            graphError(exchange, 400, "Invalid OAuth access token signature.", "OAuthException", 190);
            return;
        }
        String input = query.get("input_token");
        Login login = accessTokens.find(input);
        Login foreign = otherAppTokens.find(input);
        if (login == null && foreign == null) {
            LoopbackServer.json(exchange, 200, JSON.createObjectBuilder().add("data", JSON.createObjectBuilder()
                    .add("error", JSON.createObjectBuilder().add("code", 190)
                            .add("message", "Invalid OAuth access token."))
                    .add("is_valid", false).add("scopes", JSON.createArrayBuilder())).build().toString());
            return;
        }
        Login found = login != null ? login : foreign;
        LoopbackServer.pause(found.debugTokenDelayMillis);
        if (found.debugTokenStatus != 200) {
            LoopbackServer.json(exchange, found.debugTokenStatus, found.debugTokenBody);
            return;
        }
        long now = System.currentTimeMillis() / 1000;
        LoopbackServer.json(exchange, 200, JSON.createObjectBuilder().add("data", JSON.createObjectBuilder()
                .add("app_id", login != null ? appId : "another-facebook-app")
                .add("type", "USER")
                .add("application", "Fake app")
                .add("data_access_expires_at", now + 7_776_000)
                .add("expires_at", now + 5_183_944)
                .add("is_valid", true)
                .add("scopes", JSON.createArrayBuilder().add("email").add("public_profile"))
                .add("user_id", found.debugUserId != null ? found.debugUserId : found.id)).build().toString());
    }

    /** Facebook takes scopes separated by commas or spaces. */
    private static List<String> scopes(Map<String, String> query) {
        return List.of(query.getOrDefault("scope", "").split("[,\\s]+"));
    }

    private static void graphError(HttpExchange exchange, int status, String message, String type, int code)
            throws IOException {
        LoopbackServer.json(exchange, status, JSON.createObjectBuilder().add("error", JSON.createObjectBuilder()
                .add("message", message).add("type", type).add("code", code).add("fbtrace_id", "fake"))
                .build().toString());
    }

    private synchronized Login nextLogin() {
        Login login = scripts.poll();
        return login != null ? login : Login.as("1234567890");
    }

    @Override
    public void close() {
        http.close();
    }

    /** One login's script. */
    public static final class Login {

        private String id;
        private String email = "grace@example.com";
        private boolean deny;
        private int tokenStatus = 200;
        private String tokenBody;
        private long tokenDelayMillis;
        private int meStatus = 200;
        private String meBody;
        private long meDelayMillis;
        private String debugUserId;
        private int debugTokenStatus = 200;
        private String debugTokenBody;
        private long debugTokenDelayMillis;

        private Login(String id) {
            this.id = id;
        }

        public static Login as(String id) {
            return new Login(id);
        }

        public Login id(String id) {
            this.id = id;
            return this;
        }

        /** null: the profile has no email (phone-only accounts, or the scope declined). */
        public Login email(String email) {
            this.email = email;
            return this;
        }

        public Login deny() {
            this.deny = true;
            return this;
        }

        public Login tokenEndpointStatus(int status, String body) {
            this.tokenStatus = status;
            this.tokenBody = body;
            return this;
        }

        public Login tokenEndpointDelayMillis(long millis) {
            this.tokenDelayMillis = millis;
            return this;
        }

        public Login meStatus(int status, String body) {
            this.meStatus = status;
            this.meBody = body;
            return this;
        }

        public Login meDelayMillis(long millis) {
            this.meDelayMillis = millis;
            return this;
        }

        /** debug_token names this user, while /me answers with the login's id. */
        public Login debugTokenUserId(String userId) {
            this.debugUserId = userId;
            return this;
        }

        public Login debugTokenStatus(int status, String body) {
            this.debugTokenStatus = status;
            this.debugTokenBody = body;
            return this;
        }

        public Login debugTokenDelayMillis(long millis) {
            this.debugTokenDelayMillis = millis;
            return this;
        }
    }

    /** One Limited Login id_token's shape. */
    public static final class LimitedLogin {

        final String id;
        String email = "grace@example.com";
        String nonce;
        String audience;
        String issuer;
        long expiresInSeconds = 3600;
        boolean unsigned;
        boolean signedWithUnknownKey;

        private LimitedLogin(String id) {
            this.id = id;
        }

        public static LimitedLogin as(String id) {
            return new LimitedLogin(id);
        }

        /** null: no nonce claim. */
        public LimitedLogin nonce(String nonce) {
            this.nonce = nonce;
            return this;
        }

        /** null: no email claim. */
        public LimitedLogin email(String email) {
            this.email = email;
            return this;
        }

        public LimitedLogin audience(String audience) {
            this.audience = audience;
            return this;
        }

        public LimitedLogin issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        public LimitedLogin expiresInSeconds(long seconds) {
            this.expiresInSeconds = seconds;
            return this;
        }

        /** alg "none". */
        public LimitedLogin unsigned() {
            this.unsigned = true;
            return this;
        }

        public LimitedLogin signedWithUnknownKey() {
            this.signedWithUnknownKey = true;
            return this;
        }
    }
}
