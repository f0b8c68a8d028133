package com.nextarget.server.auth;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Whom the server trusts when it calls an identity provider over TLS: the certificate authorities of the JDK it runs
 * on. Payara Micro points {@code javax.net.ssl.trustStore} at the trust store it bundles, which is as old as the
 * Payara release, holds expired entries and lacks Google Trust Services' roots (GTS Root R1 to R4, to which Google's
 * endpoints chain); the JDK's own list is the one that JDK updates keep current.
 */
final class ProviderTrust {

    private ProviderTrust() {
    }

    static SSLContext sslContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustManager()}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS for identity provider calls", e);
        }
    }

    static X509TrustManager trustManager() {
        Path cacerts = Path.of(System.getProperty("java.home"), "lib", "security", "cacerts");
        try {
            // no password: only certificates are read, and those are stored without integrity-protected secrets
            KeyStore authorities = KeyStore.getInstance(cacerts.toFile(), (char[]) null);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(authorities);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    return x509;
                }
            }
            throw new IllegalStateException("no X.509 trust manager for " + cacerts);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the JDK's certificate authorities from " + cacerts, e);
        }
    }
}
