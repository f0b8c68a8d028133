package com.nextarget.server.testing;

import java.util.concurrent.CountDownLatch;

/**
 * The fake providers as a process, for the benchmark: prints their settings as .env lines, then READY, and
 * serves until killed. Optional arguments: {@code --google-port N --facebook-port N}; client ids and secrets
 * from the system properties google.client.id, google.client.secret, facebook.app.id, facebook.app.secret.
 */
public final class FakeProviders {

    private FakeProviders() {
    }

    public static void main(String[] args) throws InterruptedException {
        int googlePort = 0;
        int facebookPort = 0;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--google-port" -> googlePort = Integer.parseInt(args[i + 1]);
                case "--facebook-port" -> facebookPort = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        String googleId = System.getProperty("google.client.id", "fake-google-client");
        String googleSecret = System.getProperty("google.client.secret", "fake-google-secret");
        String facebookId = System.getProperty("facebook.app.id", "fake-facebook-app");
        String facebookSecret = System.getProperty("facebook.app.secret", "fake-facebook-secret");
        FakeGoogle google = FakeGoogle.start(googleId, googleSecret, googlePort);
        FakeFacebook facebook = FakeFacebook.start(facebookId, facebookSecret, facebookPort);
        System.out.println("GOOGLE_ISSUER=" + google.issuer());
        System.out.println("GOOGLE_CLIENT_ID=" + googleId);
        System.out.println("GOOGLE_CLIENT_SECRET=" + googleSecret);
        System.out.println("FACEBOOK_AUTHORIZE_URL=" + facebook.authorizeUrl());
        System.out.println("FACEBOOK_GRAPH_URL=" + facebook.graphUrl());
        System.out.println("FACEBOOK_CLIENT_ID=" + facebookId);
        System.out.println("FACEBOOK_CLIENT_SECRET=" + facebookSecret);
        System.out.println("READY");
        System.out.flush();
        // until killed, not until stdin closes: the benchmark starts it in the background with no stdin to hold open
        new CountDownLatch(1).await();
    }
}
