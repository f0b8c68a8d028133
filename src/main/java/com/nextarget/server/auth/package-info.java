/**
 * Logins and request authentication.
 * <p>
 * A login: {@code /auth/{provider}/start} records a pending login (state, and for Google the nonce) in a short
 * session bound to the browser's cookie and redirects to the provider; the provider sends the browser to
 * {@code /callback}, which takes the pending login out of the session for good, exchanges the code, turns the answer
 * into a {@code ProviderIdentity}, and {@code LoginCompletion} stores the user and answers with an access token.
 * <p>
 * How a request finds its mechanism: Jakarta Security 3.0 resolves exactly one {@code HttpAuthenticationMechanism}
 * bean, and {@code @OpenIdAuthenticationMechanismDefinition} and MicroProfile JWT's {@code @LoginConfig} each
 * register one, so {@code AuthenticationRouter} is an enabled alternative that wins the resolution and delegates by
 * path: {@code /users/*} to MicroProfile JWT (its 401 rewritten as JSON with {@code WWW-Authenticate: Bearer}),
 * {@code GET /auth/google/start} to the OpenID Connect mechanism, everything else to nobody, so a stale token sent to a
 * public path is ignored instead of refused. Being the first application code every request meets, it also begins
 * the request's observation ({@code ops.RequestObserver}) and applies the rate limit of {@code /auth/*} before any
 * login work, the redirect to Google included.
 * <p>
 * The OpenID mechanism builds Google's authentication request; the callback is a plain resource that uses our
 * {@code IdTokenValidator} because the bundled mechanism's callback accepts unsigned id_tokens, calls userinfo on
 * every login, has no timeout on the token endpoint, keeps an authenticated session, and answers failures with empty
 * 200/500 responses (see PAYARA-NOTES). Facebook has no built-in mechanism and uses plain resources throughout.
 */
package com.nextarget.server.auth;
