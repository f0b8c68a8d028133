package com.nextarget.server.auth;

import com.nextarget.server.error.ProblemException;
import com.nextarget.server.user.IdentityProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * The {@code state} of a login (RFC 6749 10.12), kept in a short HTTP session whose cookie binds it to the browser
 * that started the login. A callback takes the pending login out of the session and lets the session expire, so a state
 * is good for exactly one callback, and only within {@link #LIFETIME}.
 */
@ApplicationScoped
public class LoginSessions {

    static final Duration LIFETIME = Duration.ofMinutes(5);
    private static final String ATTRIBUTE = "nextarget.pending-login";
    private static final Pattern ERROR_CODE = Pattern.compile("[a-z_]{1,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Clock clock;

    /** 256 random bits, URL-safe: for {@code state} and {@code nonce}. */
    public static String randomValue() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Ends any earlier session of this browser, so that every /start begins a fresh login. */
    public void endSession(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    public void begin(HttpServletRequest request, IdentityProvider provider, String state, String nonce) {
        HttpSession session = request.getSession(true);
        session.setMaxInactiveInterval((int) LIFETIME.toSeconds());
        PendingLogin login = new PendingLogin(provider, state, nonce, clock.instant().plus(LIFETIME));
        session.setAttribute(ATTRIBUTE, new AtomicReference<>(login));
    }

    /**
     * Checks a callback's {@code error}, {@code state} and {@code code} (in that order: a refusal carries no code)
     * and returns its pending login, which can never be taken again.
     */
    public PendingLogin complete(HttpServletRequest request, IdentityProvider provider, String state, String error,
                                 String code) {
        PendingLogin login = take(request);
        if (error != null) {
            String reason = ERROR_CODE.matcher(error).matches() ? error : "error";
            throw new ProblemException(400, "The sign-in was not completed at the provider (" + reason + ")");
        }
        if (state == null || state.isEmpty()) {
            throw new ProblemException(400, "Missing state parameter");
        }
        if (login == null || login.provider() != provider || !sameValue(login.state(), state)) {
            throw new ProblemException(400, "Invalid or reused state: start the sign-in again");
        }
        if (clock.instant().isAfter(login.expiresAt())) {
            throw new ProblemException(400, "The sign-in took too long: start it again");
        }
        if (code == null || code.isEmpty()) {
            throw new ProblemException(400, "Missing code parameter");
        }
        return login;
    }

    private PendingLogin take(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        PendingLogin login = null;
        try {
            Object stored = session.getAttribute(ATTRIBUTE);
            if (stored instanceof AtomicReference<?> reference) {
                // getAndSet: two concurrent callbacks with the same cookie cannot both get the login
                login = (PendingLogin) reference.getAndSet(null);
            }
            session.removeAttribute(ATTRIBUTE);
            // not invalidate(): Catalina's SessionTracker of the /start request stays registered on this session and
            // removes the session cookie from that request's Response when it is destroyed; a callback that arrives
            // while /start's request is still being recycled meets a recycled Response there (a NullPointerException,
            // seen as a 500 about once in two full test runs). An emptied session that expires in a second is
            // destroyed later by the container's reaper, long after /start's request is gone.
            session.setMaxInactiveInterval(1);
        } catch (IllegalStateException alreadyInvalidated) {
            return null;
        }
        return login;
    }

    private static boolean sameValue(String expected, String received) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), received.getBytes(StandardCharsets.UTF_8));
    }
}
