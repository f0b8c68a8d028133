/**
 * Logins and request authentication.
 * <p>
 * A login: {@code /auth/{provider}/start} records a pending login (state, nonce, and for an app its redirect URI, PKCE
 * challenge and state) in the database, bound to the browser by a cookie, and redirects to the provider; the provider
 * sends the browser to {@code /callback}, which takes the pending login out of the database for good (any instance can),
 * exchanges the code, turns the answer into a {@code ProviderIdentity}, and {@code LoginCompletion} stores the user.
 * {@code LoginFlow} then delivers: the token response as JSON to a browser, or a redirect with a one-time code to an
 * app, which redeems it with its PKCE verifier at {@code POST /auth/token} ({@code AppHandOff}). Sessions and refresh
 * tokens are the {@code token} package's.
 * <p>
 * A native SDK sign-in has no start and no callback: the app gets a nonce ({@code SdkNonces}), hands the SDK's
 * credential to {@code POST /auth/{provider}/token}, and {@code SdkSignIn} answers a new session's tokens. Every
 * id_token, whether Google's from a code exchange or an app, or Facebook Limited Login's, goes through the one
 * {@code oidc.IdTokenValidator}, configured per issuer by {@code oidc.IdTokenRules}.
 * <p>
 * How a request finds its mechanism: Jakarta Security 3.0 resolves exactly one {@code HttpAuthenticationMechanism}
 * bean, and {@code @OpenIdAuthenticationMechanismDefinition} and MicroProfile JWT's {@code @LoginConfig} each
 * register one, so {@code AuthenticationRouter} is an enabled alternative that wins the resolution and delegates by
 * path: {@code /users/*} and {@code /auth/logout} to MicroProfile JWT (its 401 rewritten as JSON with
 * {@code WWW-Authenticate: Bearer}, and a verified token let in only while its session lives), {@code GET
 * /auth/google/start} to the OpenID Connect mechanism to build Google's URL (it sees none of the request's parameters),
 * everything else to nobody, so a stale token sent to a public path is ignored instead of refused. Being the first
 * application code every request meets, it also begins the request's observation ({@code ops.RequestObserver}) and
 * applies the rate limit of {@code /auth/*} before any login work, the redirect to Google included.
 * <p>
 * The OpenID mechanism builds Google's authentication request; the callback is a plain resource that uses our
 * {@code IdTokenValidator} because the bundled mechanism's callback accepts unsigned id_tokens, calls userinfo on
 * every login, has no timeout on the token endpoint, keeps an authenticated session, and answers failures with empty
 * 200/500 responses (see PAYARA-NOTES). Facebook has no built-in mechanism and uses plain resources throughout.
 */
package com.nextarget.server.auth;
