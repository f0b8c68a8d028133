/**
 * The server's own access tokens.
 * <p>
 * ES256 (ECDSA P-256): asymmetric, so anything holding the JWKS can verify tokens without being able to mint them,
 * and small and fast to sign. The key is derived from {@code JWT_SECRET_KEY} with HKDF (every instance and every restart
 * agree, and the first, FastAPI version derived the same key), or generated once into {@code ./data/} when no secret is
 * set. Keys of {@code JWT_PREVIOUS_SECRET_KEYS} stay published, so tokens signed before a rotation live out their
 * lifetime. Claims: {@code iss} is {@code JWT_ISSUER}; {@code sub} and {@code upn} are the user id (MicroProfile JWT
 * names the caller by {@code upn}); {@code groups} is {@code ["user"]}, the role {@code /users/me} requires; {@code jti}
 * is random; {@code kid} is the RFC 7638 thumbprint. MicroProfile JWT verifies them with the keys it gets from
 * {@code PublishedKeysConfigSource}.
 */
package com.nextarget.server.token;
