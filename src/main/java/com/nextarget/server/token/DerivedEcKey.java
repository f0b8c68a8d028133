package com.nextarget.server.token;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Derives a P-256 key pair from a secret string, exactly as the first (FastAPI) version did: HKDF-SHA256
 * (RFC 5869, salt "nextarget", info "access-token ES256 signing key", 48 bytes), reduced to a scalar in [1, n-1].
 * The same secret therefore gives the same key on every instance, after a restart, and across the two versions.
 */
final class DerivedEcKey {

    private static final byte[] SALT = "nextarget".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] INFO = "access-token ES256 signing key".getBytes(StandardCharsets.US_ASCII);

    // NIST P-256 (FIPS 186-4 D.1.2.3)
    private static final BigInteger P =
            new BigInteger("ffffffff00000001000000000000000000000000ffffffffffffffffffffffff", 16);
    private static final BigInteger A = P.subtract(BigInteger.valueOf(3));
    private static final BigInteger N =
            new BigInteger("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551", 16);
    private static final ECPoint G = new ECPoint(
            new BigInteger("6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296", 16),
            new BigInteger("4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5", 16));

    private DerivedEcKey() {
    }

    static KeyPair fromSecret(String secret, ECParameterSpec p256) {
        byte[] okm = hkdfSha256(secret.getBytes(StandardCharsets.UTF_8), 48);
        BigInteger d = new BigInteger(1, okm).mod(N.subtract(BigInteger.ONE)).add(BigInteger.ONE);
        ECPoint q = multiply(G, d);
        try {
            KeyFactory factory = KeyFactory.getInstance("EC");
            var privateKey = (ECPrivateKey) factory.generatePrivate(new ECPrivateKeySpec(d, p256));
            var publicKey = (ECPublicKey) factory.generatePublic(new ECPublicKeySpec(q, p256));
            return new KeyPair(publicKey, privateKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the derived P-256 key", e);
        }
    }

    static ECPoint generator() {
        return G;
    }

    static byte[] hkdfSha256(byte[] inputKeyMaterial, int length) {
        try {
            // RFC 5869 2.2 extract: PRK = HMAC(salt, IKM)
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SALT, "HmacSHA256"));
            byte[] prk = mac.doFinal(inputKeyMaterial);
            // RFC 5869 2.3 expand: T(i) = HMAC(PRK, T(i-1) | info | i)
            mac.init(new SecretKeySpec(prk, "HmacSHA256"));
            byte[] okm = new byte[length];
            byte[] block = new byte[0];
            for (int i = 1, filled = 0; filled < length; i++) {
                mac.update(block);
                mac.update(INFO);
                mac.update((byte) i);
                block = mac.doFinal();
                int take = Math.min(block.length, length - filled);
                System.arraycopy(block, 0, okm, filled, take);
                filled += take;
            }
            return okm;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /*
     * The JDK signs with a private scalar but has no public API to compute its public point, so the public key
     * is computed here (affine double-and-add). It runs once at start-up on the server's own secret; the key pair
     * is then checked by a signature round trip in SigningKeys.
     */
    static ECPoint multiply(ECPoint point, BigInteger k) {
        ECPoint result = ECPoint.POINT_INFINITY;
        ECPoint addend = point;
        for (int i = 0; i < k.bitLength(); i++) {
            if (k.testBit(i)) {
                result = add(result, addend);
            }
            addend = add(addend, addend);
        }
        return result;
    }

    private static ECPoint add(ECPoint p1, ECPoint p2) {
        if (p1.equals(ECPoint.POINT_INFINITY)) {
            return p2;
        }
        if (p2.equals(ECPoint.POINT_INFINITY)) {
            return p1;
        }
        BigInteger x1 = p1.getAffineX();
        BigInteger y1 = p1.getAffineY();
        BigInteger x2 = p2.getAffineX();
        BigInteger y2 = p2.getAffineY();
        BigInteger lambda;
        if (x1.equals(x2)) {
            if (!y1.equals(y2) || y1.signum() == 0) {
                return ECPoint.POINT_INFINITY;
            }
            lambda = x1.pow(2).multiply(BigInteger.valueOf(3)).add(A)
                    .multiply(y1.shiftLeft(1).modInverse(P)).mod(P);
        } else {
            lambda = y2.subtract(y1).multiply(x2.subtract(x1).modInverse(P)).mod(P);
        }
        BigInteger x3 = lambda.pow(2).subtract(x1).subtract(x2).mod(P);
        BigInteger y3 = lambda.multiply(x1.subtract(x3)).subtract(y1).mod(P);
        return new ECPoint(x3, y3);
    }
}
