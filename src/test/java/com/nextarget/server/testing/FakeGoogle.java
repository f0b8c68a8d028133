package com.nextarget.server.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scriptable OpenID Connect provider on loopback standing in for Google (GOOGLE_ISSUER): discovery, an
 * authorization endpoint that answers at once (no login page), a token endpoint, JWKS and userinfo. Each login
 * follows the next queued {@link Login} script, which can bend the id_token or the provider's behaviour.
 */
public final class FakeGoogle implements AutoCloseable {

    private final LoopbackServer http;
    private final String clientId;
    private final String clientSecret;
    private final Queue<Login> scripts = new ArrayDeque<>();
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();
    private final AtomicInteger discoveryRequests = new AtomicInteger();
    private final AtomicInteger jwksRequests = new AtomicInteger();
    private final AtomicInteger userinfoRequests = new AtomicInteger();
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private volatile RSAKey signingKey = newKey();
    private volatile Map<String, String> lastAuthorizeQuery = Map.of();

    private record Grant(String redirectUri, String nonce, Login login) {
    }

    private FakeGoogle(String clientId, String clientSecret, int port) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.http = LoopbackServer.start(port);
        http.route("/.well-known/openid-configuration", this::discovery);
        http.route("/authorize", this::authorize);
        http.route("/token", this::token);
        http.route("/jwks", this::jwks);
        http.route("/userinfo", this::userinfo);
    }

    public static FakeGoogle start(String clientId, String clientSecret) {
        return start(clientId, clientSecret, 0);
    }

    public static FakeGoogle start(String clientId, String clientSecret, int port) {
        return new FakeGoogle(clientId, clientSecret, port);
    }

    public String issuer() {
        return http.baseUrl();
    }

    public synchronized void enqueue(Login login) {
        scripts.add(login);
    }

    /** From now on /jwks publishes only a new key, and id_tokens are signed with it. */
    public void rotateKey() {
        signingKey = newKey();
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

    public Map<String, String> lastAuthorizeQuery() {
        return lastAuthorizeQuery;
    }

    private void discovery(HttpExchange exchange) throws IOException {
        discoveryRequests.incrementAndGet();
        String issuer = issuer();
        LoopbackServer.json(exchange, 200, "{\"issuer\":\"" + issuer + "\","
                + "\"authorization_endpoint\":\"" + issuer + "/authorize\","
                + "\"token_endpoint\":\"" + issuer + "/token\","
                + "\"jwks_uri\":\"" + issuer + "/jwks\","
                + "\"userinfo_endpoint\":\"" + issuer + "/userinfo\","
                + "\"response_types_supported\":[\"code\"],"
                + "\"subject_types_supported\":[\"public\"],"
                + "\"id_token_signing_alg_values_supported\":[\"RS256\"],"
                + "\"scopes_supported\":[\"openid\",\"email\",\"profile\"],"
                + "\"token_endpoint_auth_methods_supported\":[\"client_secret_post\",\"client_secret_basic\"]}");
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = LoopbackServer.query(exchange.getRequestURI().getRawQuery());
        lastAuthorizeQuery = query;
        String redirectUri = query.get("redirect_uri");
        if (!"code".equals(query.get("response_type")) || !clientId.equals(query.get("client_id"))
                || redirectUri == null || query.get("state") == null
                || !List.of(query.getOrDefault("scope", "").split(" ")).contains("openid")) {
            LoopbackServer.text(exchange, 400, "invalid authorization request");
            return;
        }
        Login login = nextLogin();
        if (login.deny) {
            LoopbackServer.redirect(exchange, LoopbackServer.withQuery(redirectUri,
                    Map.of("error", "access_denied", "state", query.get("state"))));
            return;
        }
        String code = "code-" + UUID.randomUUID();
        grants.put(code, new Grant(redirectUri, query.get("nonce"), login));
        LoopbackServer.redirect(exchange, LoopbackServer.withQuery(redirectUri,
                Map.of("code", code, "state", query.get("state"))));
    }

    private void token(HttpExchange exchange) throws IOException {
        tokenRequests.incrementAndGet();
        Map<String, String> form = LoopbackServer.form(exchange);
        String[] basic = LoopbackServer.basicCredentials(exchange);
        String id = basic != null ? basic[0] : form.get("client_id");
        String secret = basic != null ? basic[1] : form.get("client_secret");
        if (!clientId.equals(id) || !clientSecret.equals(secret)) {
            LoopbackServer.json(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        Grant grant = form.get("code") == null ? null : grants.remove(form.get("code"));
        if (!"authorization_code".equals(form.get("grant_type")) || grant == null
                || !grant.redirectUri.equals(form.get("redirect_uri"))) {
            LoopbackServer.json(exchange, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        Login login = grant.login;
        LoopbackServer.pause(login.tokenDelayMillis);
        if (login.tokenStatus != 200) {
            LoopbackServer.json(exchange, login.tokenStatus, login.tokenBody);
            return;
        }
        String accessToken = "google-access-" + UUID.randomUUID();
        LoopbackServer.json(exchange, 200, "{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\","
                + "\"expires_in\":3599,\"scope\":\"openid email\",\"id_token\":\"" + idToken(login, grant.nonce) + "\"}");
    }

    private void jwks(HttpExchange exchange) throws IOException {
        jwksRequests.incrementAndGet();
        LoopbackServer.json(exchange, 200, new JWKSet(signingKey.toPublicJWK()).toString());
    }

    private void userinfo(HttpExchange exchange) throws IOException {
        userinfoRequests.incrementAndGet();
        LoopbackServer.json(exchange, 200, "{\"sub\":\"unused\"}");
    }

    private synchronized Login nextLogin() {
        Login login = scripts.poll();
        return login != null ? login : Login.as("google-user-1");
    }

    private String idToken(Login login, String nonce) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(login.issuer != null ? login.issuer : issuer())
                .subject(login.subject)
                .audience(login.audience != null ? login.audience : List.of(clientId))
                .issueTime(Date.from(now.plusSeconds(login.issuedAtOffsetSeconds)))
                .expirationTime(Date.from(now.plusSeconds(login.expiresInSeconds)));
        if (!login.omitNonce) {
            claims.claim("nonce", login.nonce != null ? login.nonce : nonce);
        }
        if (login.azp != null) {
            claims.claim("azp", login.azp);
        }
        if (login.email != null) {
            claims.claim("email", login.email).claim("email_verified", login.emailVerified);
        }
        try {
            if (login.unsigned) {
                return new PlainJWT(claims.build()).serialize();
            }
            if (login.hs256WithClientSecret) {
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(signingKey.getKeyID())
                        .build(), claims.build());
                jwt.sign(new MACSigner(padded(clientSecret)));
                return jwt.serialize();
            }
            RSAKey key = login.signedWithUnknownKey
                    ? new RSAKey.Builder(newKey()).keyID(signingKey.getKeyID()).build() : signingKey;
            JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT);
            if (!login.omitKid) {
                header.keyID(key.getKeyID());
            }
            SignedJWT jwt = new SignedJWT(header.build(), claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** HS256 needs 256 bits; a provider keyed with a shorter client secret would pad it the same way. */
    private static byte[] padded(String secret) {
        byte[] bytes = secret.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return bytes.length >= 32 ? bytes : java.util.Arrays.copyOf(bytes, 32);
    }

    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("fake-google-" + UUID.randomUUID()).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        http.close();
    }

    /** One login's script: who signs in, and what the provider does differently this time. */
    public static final class Login {

        private final String subject;
        private String email = "ada@example.com";
        private boolean emailVerified = true;
        private boolean deny;
        private List<String> audience;
        private String azp;
        private String issuer;
        private long expiresInSeconds = 300;
        private long issuedAtOffsetSeconds;
        private String nonce;
        private boolean omitNonce;
        private boolean unsigned;
        private boolean signedWithUnknownKey;
        private boolean omitKid;
        private boolean hs256WithClientSecret;
        private int tokenStatus = 200;
        private String tokenBody;
        private long tokenDelayMillis;

        private Login(String subject) {
            this.subject = subject;
        }

        public static Login as(String subject) {
            return new Login(subject);
        }

        public String subject() {
            return subject;
        }

        /** null: no email claim. */
        public Login email(String email) {
            this.email = email;
            return this;
        }

        public Login emailVerified(boolean verified) {
            this.emailVerified = verified;
            return this;
        }

        public Login deny() {
            this.deny = true;
            return this;
        }

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

        public Login expiresInSeconds(long seconds) {
            this.expiresInSeconds = seconds;
            return this;
        }

        public Login issuedAtOffsetSeconds(long seconds) {
            this.issuedAtOffsetSeconds = seconds;
            return this;
        }

        public Login nonce(String nonce) {
            this.nonce = nonce;
            return this;
        }

        public Login omitNonce() {
            this.omitNonce = true;
            return this;
        }

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
    }
}
