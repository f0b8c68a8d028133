package com.nextarget.server.testing;

import com.sun.net.httpserver.HttpExchange;
import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scriptable OpenID Connect provider on loopback standing in for Google (GOOGLE_ISSUER): discovery, an
 * authorization endpoint that answers at once (no login page), a token endpoint, JWKS and userinfo. Each login
 * follows the next queued {@link Login} script, which can bend the id_token or the provider's behaviour.
 */
public final class FakeGoogle implements AutoCloseable {

    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    private final LoopbackServer http;
    private final String clientId;
    private final String clientSecret;
    private final String discovery;
    private final FakeGoogleIdTokens idTokens;
    private final Queue<Login> scripts = new ArrayDeque<>();
    private final FakeCredentials<Grant> codes = new FakeCredentials<>("google-code-");
    private final FakeCredentials<Login> accessTokens = new FakeCredentials<>("google-access-");
    private final AtomicInteger discoveryRequests = new AtomicInteger();
    private final AtomicInteger jwksRequests = new AtomicInteger();
    private final AtomicInteger userinfoRequests = new AtomicInteger();
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private volatile Map<String, String> lastAuthorizeQuery = Map.of();

    private record Grant(String redirectUri, String nonce, Login login) {
    }

    private FakeGoogle(String clientId, String clientSecret, int port) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.http = LoopbackServer.start(port);
        this.discovery = discoveryDocument(http.baseUrl());
        this.idTokens = new FakeGoogleIdTokens(http.baseUrl(), clientId, clientSecret);
        http.route("/.well-known/openid-configuration", this::discovery);
        http.route("/authorize", this::authorize);
        http.route("/token", this::token);
        http.route("/jwks", this::jwks);
        http.route("/userinfo", this::userinfo);
    }

    public static FakeGoogle start(String clientId, String clientSecret) {
        return start(clientId, clientSecret, 0);
    }

    /** Port 0 picks a free one. */
    public static FakeGoogle start(String clientId, String clientSecret, int port) {
        return new FakeGoogle(clientId, clientSecret, port);
    }

    public String issuer() {
        return http.baseUrl();
    }

    /** The script for the next /authorize; without one, {@code Login.as("google-user-1")}. */
    public synchronized void enqueue(Login login) {
        scripts.add(login);
    }

    /**
     * An id_token as Google's SDK on a phone gets it, without any login here: shaped by the script, with the
     * script's nonce (none unless set) and audience (the web client unless set).
     */
    public String idToken(Login login) {
        return idTokens.mint(login, null);
    }

    /** From now on /jwks publishes only a new key (with a new kid), and id_tokens are signed with it. */
    public void rotateKey() {
        idTokens.rotateKey();
    }

    public int discoveryRequests() {
        return discoveryRequests.get();
    }

    public int jwksRequests() {
        return jwksRequests.get();
    }

    public int userinfoRequests() {
        return userinfoRequests.get();
    }

    public int tokenRequests() {
        return tokenRequests.get();
    }

    /** The decoded query parameters of the latest /authorize request, valid or not. */
    public Map<String, String> lastAuthorizeQuery() {
        return lastAuthorizeQuery;
    }

    private static String discoveryDocument(String issuer) {
        return JSON.createObjectBuilder()
                .add("issuer", issuer)
                .add("authorization_endpoint", issuer + "/authorize")
                .add("token_endpoint", issuer + "/token")
                .add("jwks_uri", issuer + "/jwks")
                .add("userinfo_endpoint", issuer + "/userinfo")
                .add("response_types_supported", JSON.createArrayBuilder().add("code"))
                .add("subject_types_supported", JSON.createArrayBuilder().add("public"))
                .add("id_token_signing_alg_values_supported", JSON.createArrayBuilder().add("RS256"))
                .add("scopes_supported", JSON.createArrayBuilder().add("openid").add("email").add("profile"))
                .add("token_endpoint_auth_methods_supported",
                        JSON.createArrayBuilder().add("client_secret_post").add("client_secret_basic"))
                .build().toString();
    }

    private void discovery(HttpExchange exchange) throws IOException {
        discoveryRequests.incrementAndGet();
        LoopbackServer.json(exchange, 200, discovery);
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = LoopbackServer.query(exchange.getRequestURI().getRawQuery());
        lastAuthorizeQuery = Map.copyOf(query);
        String redirectUri = query.get("redirect_uri");
        String state = query.get("state");
        if (!"code".equals(query.get("response_type")) || !clientId.equals(query.get("client_id"))
                || redirectUri == null || state == null
                || !List.of(query.getOrDefault("scope", "").split(" ")).contains("openid")) {
            LoopbackServer.text(exchange, 400, "invalid authorization request");
            return;
        }
        Login login = nextLogin();
        if (login.deny) {
            LoopbackServer.redirect(exchange, LoopbackServer.withQuery(redirectUri,
                    Map.of("error", "access_denied", "state", state)));
            return;
        }
        String code = codes.issue(new Grant(redirectUri, query.get("nonce"), login));
        LoopbackServer.redirect(exchange, LoopbackServer.withQuery(redirectUri, Map.of("code", code, "state", state)));
    }

    private void token(HttpExchange exchange) throws IOException {
        tokenRequests.incrementAndGet();
        if (!"POST".equals(exchange.getRequestMethod())) {
            LoopbackServer.json(exchange, 405, "{\"error\":\"invalid_request\"}");
            return;
        }
        Map<String, String> form = LoopbackServer.form(exchange);
        String[] basic = LoopbackServer.basicCredentials(exchange);
        String id = basic != null ? basic[0] : form.get("client_id");
        String secret = basic != null ? basic[1] : form.get("client_secret");
        // checked before the code, so that a wrong client cannot burn a user's code
        if (!clientId.equals(id) || !clientSecret.equals(secret)) {
            LoopbackServer.json(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        Grant grant = "authorization_code".equals(form.get("grant_type")) ? codes.redeem(form.get("code")) : null;
        if (grant == null || !grant.redirectUri.equals(form.get("redirect_uri"))) {
            LoopbackServer.json(exchange, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        Login login = grant.login;
        LoopbackServer.pause(login.tokenDelayMillis);
        if (login.closeConnectionAtToken) {
            // before sendResponseHeaders, HttpExchange.close() drops the connection: the client reads no response
            exchange.close();
            return;
        }
        if (login.tokenStatus != 200) {
            LoopbackServer.json(exchange, login.tokenStatus, login.tokenBody);
            return;
        }
        LoopbackServer.json(exchange, 200, JSON.createObjectBuilder()
                .add("access_token", accessTokens.issue(login))
                .add("token_type", "Bearer")
                .add("expires_in", 3600)
                .add("id_token", idTokens.mint(login, grant.nonce))
                .add("scope", "openid email")
                .build().toString());
    }

    private void jwks(HttpExchange exchange) throws IOException {
        jwksRequests.incrementAndGet();
        LoopbackServer.json(exchange, 200, idTokens.jwks());
    }

    private void userinfo(HttpExchange exchange) throws IOException {
        userinfoRequests.incrementAndGet();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        Login login = authorization != null && authorization.startsWith("Bearer ")
                ? accessTokens.find(authorization.substring(7)) : null;
        if (login == null) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            LoopbackServer.json(exchange, 401, "{\"error\":\"invalid_token\"}");
            return;
        }
        JsonObjectBuilder body = JSON.createObjectBuilder().add("sub", login.subject);
        if (login.email != null) {
            body.add("email", login.email);
        }
        LoopbackServer.json(exchange, 200, body.build().toString());
    }

    private synchronized Login nextLogin() {
        Login login = scripts.poll();
        return login != null ? login : Login.as("google-user-1");
    }

    @Override
    public void close() {
        http.close();
    }

    /** One login's script: who signs in, and what the provider does differently this time. */
    public static final class Login {

        String subject;
        String email = "ada@example.com";
        Boolean emailVerified = true;
        boolean deny;
        List<String> audience;
        String azp;
        String issuer;
        long expiresInSeconds = 300;
        long issuedAtOffsetSeconds;
        String nonce;
        boolean omitNonce;
        boolean unsigned;
        boolean signedWithUnknownKey;
        boolean omitKid;
        boolean hs256WithClientSecret;
        int tokenStatus = 200;
        String tokenBody;
        long tokenDelayMillis;
        boolean closeConnectionAtToken;

        private Login(String subject) {
            this.subject = subject;
        }

        public static Login as(String subject) {
            return new Login(subject);
        }

        public String subject() {
            return subject;
        }

        public Login subject(String subject) {
            this.subject = subject;
            return this;
        }

        /** null: no email claim. */
        public Login email(String email) {
            this.email = email;
            return this;
        }

        /** null: no email_verified claim. */
        public Login emailVerified(Boolean verified) {
            this.emailVerified = verified;
            return this;
        }

        public Login deny() {
            this.deny = true;
            return this;
        }

        /** Several audiences make {@code aud} an array; the default is the client id alone, as a string. */
        public Login audience(String... audience) {
            this.audience = List.of(audience);
            return this;
        }

        public Login azp(String azp) {
            this.azp = azp;
            return this;
        }

        public Login issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        /** Default 300; negative: already expired. */
        public Login expiresInSeconds(long seconds) {
            this.expiresInSeconds = seconds;
            return this;
        }

        /** Positive: iat in the future. */
        public Login issuedAtOffsetSeconds(long seconds) {
            this.issuedAtOffsetSeconds = seconds;
            return this;
        }

        /** Instead of the nonce sent to /authorize. */
        public Login nonce(String nonce) {
            this.nonce = nonce;
            return this;
        }

        public Login omitNonce() {
            this.omitNonce = true;
            return this;
        }

        /** alg "none". */
        public Login unsigned() {
            this.unsigned = true;
            return this;
        }

        /** Signed by a key that /jwks does not publish, under the published key's kid. */
        public Login signedWithUnknownKey() {
            this.signedWithUnknownKey = true;
            return this;
        }

        public Login omitKid() {
            this.omitKid = true;
            return this;
        }

        public Login hs256WithClientSecret() {
            this.hs256WithClientSecret = true;
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

        /** /token drops the connection without an answer. */
        public Login closeConnectionAtToken() {
            this.closeConnectionAtToken = true;
            return this;
        }
    }
}
