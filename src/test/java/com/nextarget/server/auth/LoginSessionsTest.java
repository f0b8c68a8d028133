package com.nextarget.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nextarget.server.error.ProblemException;
import com.nextarget.server.user.IdentityProvider;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoginSessionsTest {

    private static final Instant START = Instant.parse("2026-11-25T12:00:00Z");

    private final Browser browser = new Browser();

    @Test
    void callbackWithTheStartedStateGetsThePendingLogin() {
        LoginSessions sessions = at(START);
        sessions.begin(browser.request(), IdentityProvider.GOOGLE, "state-1", "nonce-1");
        PendingLogin login = at(START.plusSeconds(30)).complete(browser.request(), IdentityProvider.GOOGLE, "state-1", null, "code");
        assertThat(login.nonce()).isEqualTo("nonce-1");
    }

    @Test
    void stateOlderThanFiveMinutesIsRefused() {
        at(START).begin(browser.request(), IdentityProvider.GOOGLE, "state-1", "nonce-1");
        LoginSessions later = at(START.plus(LoginSessions.LIFETIME).plusSeconds(1));
        assertRefused(() -> later.complete(browser.request(), IdentityProvider.GOOGLE, "state-1", null, "code"),
                "took too long");
    }

    @Test
    void stateIsGoodForOneCallbackOnly() {
        at(START).begin(browser.request(), IdentityProvider.GOOGLE, "state-1", "nonce-1");
        at(START).complete(browser.request(), IdentityProvider.GOOGLE, "state-1", null, "code");
        assertRefused(() -> at(START).complete(browser.request(), IdentityProvider.GOOGLE, "state-1", null, "code"),
                "Invalid or reused state");
    }

    @Test
    void stateOfAnotherProviderIsRefused() {
        at(START).begin(browser.request(), IdentityProvider.FACEBOOK, "state-1", null);
        assertRefused(() -> at(START).complete(browser.request(), IdentityProvider.GOOGLE, "state-1", null, "code"),
                "Invalid or reused state");
    }

    @Test
    void providerErrorIsRefusedAndUsesUpTheState() {
        at(START).begin(browser.request(), IdentityProvider.GOOGLE, "state-1", "n");
        assertRefused(() -> at(START).complete(browser.request(), IdentityProvider.GOOGLE, "state-1", "access_denied", null),
                "(access_denied)");
        assertRefused(() -> at(START).complete(browser.request(), IdentityProvider.GOOGLE, "state-1", null, "code"),
                "Invalid or reused state");
    }

    @Test
    void providerErrorTextIsNotEchoedVerbatim() {
        assertRefused(() -> at(START).complete(browser.request(), IdentityProvider.GOOGLE, "s", "<script>", null),
                "(error)");
    }

    @Test
    void randomValuesAreLongAndDistinct() {
        assertThat(LoginSessions.randomValue()).hasSize(43).isNotEqualTo(LoginSessions.randomValue());
    }

    private static void assertRefused(Runnable callback, String detail) {
        assertThatThrownBy(callback::run).isInstanceOfSatisfying(ProblemException.class, problem -> {
            assertThat(problem.status()).isEqualTo(400);
            assertThat(problem.getMessage()).contains(detail);
        });
    }

    private static LoginSessions at(Instant now) {
        LoginSessions sessions = new LoginSessions();
        sessions.clock = Clock.fixed(now, ZoneOffset.UTC);
        return sessions;
    }

    /** One browser's cookie jar reduced to what LoginSessions uses: an HttpSession that can be emptied or invalidated. */
    private static final class Browser {

        private Map<String, Object> session;

        HttpServletRequest request() {
            return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "getSession" -> {
                            boolean create = args == null || (Boolean) args[0];
                            if (session == null && create) {
                                session = new HashMap<>();
                            }
                            yield session == null ? null : session();
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }

        private HttpSession session() {
            Map<String, Object> attributes = session;
            return (HttpSession) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HttpSession.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "setAttribute" -> attributes.put((String) args[0], args[1]);
                        case "getAttribute" -> attributes.get((String) args[0]);
                        case "removeAttribute" -> attributes.remove((String) args[0]);
                        case "setMaxInactiveInterval" -> null;
                        case "invalidate" -> {
                            session = null;
                            yield null;
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }
    }
}
