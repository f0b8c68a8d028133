/**
 * The server's own access tokens, and the sessions that refresh them.
 * <p>
 * ES256 (ECDSA P-256): asymmetric, so anything holding the JWKS can verify tokens without being able to mint them,
 * and small and fast to sign. The key is derived from {@code JWT_SECRET_KEY} with HKDF (every instance and every restart
 * agree, and the first, FastAPI version derived the same key), or generated once into {@code ./data/} when no secret is
 * set. Keys of {@code JWT_PREVIOUS_SECRET_KEYS} stay published, so tokens signed before a rotation live out their
 * lifetime. Claims: {@code iss} is {@code JWT_ISSUER}; {@code sub} and {@code upn} are the user id (MicroProfile JWT
 * names the caller by {@code upn}); {@code groups} is {@code ["user"]}, the role {@code /users/me} requires; {@code jti}
 * is random; {@code kid} is the RFC 7638 thumbprint. MicroProfile JWT verifies them with the keys it gets from
 * {@code PublishedKeysConfigSource}; {@code sid} names the session.
 * <p>
 * Sessions ({@code Sessions}): every sign-in starts one; it lives in the database as a row, and its refresh tokens as
 * SHA-256 hashes only. A refresh spends the token in one conditional UPDATE (concurrent refreshes of one token: one
 * wins, the others find it just spent and get the same successor), and the successor is an HMAC of the spent token
 * under a key derived from the signing key, so a retry within ten seconds gets the very same next token from any
 * instance although none is stored in clear. A spent token presented later ends the session. Ending a session deletes
 * its row; every request with an access token looks its {@code sid} up together with the user (one indexed query), so
 * logout, revocation, theft detection and account deletion stop its access tokens at once.
 */
package com.nextarget.server.token;
