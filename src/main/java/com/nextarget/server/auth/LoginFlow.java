package com.nextarget.server.auth;

import com.nextarget.server.error.ProblemException;
import com.nextarget.server.user.IdentityProvider;
import com.nextarget.server.user.ProviderIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * What the start and the callback of both providers share. The start records the pending login and sends the
 * browser to the provider. The callback takes the pending login back (a bad state is a JSON 400: there is nowhere
 * safe to send the browser), lets the provider's code say who signed in, and delivers the result: JSON for a browser
 * sign-in, a redirect to the app with a one-time code (or with an OAuth error) for an app sign-in.
 */
@ApplicationScoped
public class LoginFlow {

    private static final Logger LOG = Logger.getLogger(LoginFlow.class.getName());
    private static final CacheControl NO_STORE = CacheControl.valueOf("no-store");
    private static final Pattern ERROR_CODE = Pattern.compile("[a-z_]{1,64}");

    @Inject
    PendingLogins pendingLogins;

    @Inject
    LoginCookies cookies;

    @Inject
    LoginCompletion completion;

    @Inject
    Event<LoginFinished> finished;

    /** The redirect to the provider's authorization request, which carries {@code state} (and {@code nonce}). */
    public Response start(IdentityProvider provider, URI authorizationRequest, String state, String nonce,
                          AppRequest app) {
        return Response.status(Response.Status.FOUND)
                .location(authorizationRequest)
                .header(HttpHeaders.SET_COOKIE, pendingLogins.begin(provider, state, nonce, app))
                .cacheControl(NO_STORE)
                .header("Referrer-Policy", "no-referrer")
                .build();
    }

    /**
     * A callback: {@code state} first (it says where errors may go), then the provider's {@code error} and
     * {@code code}; {@code identify} turns the code into an identity, throwing {@link ProblemException} on refusal.
     */
    public Response finish(IdentityProvider provider, Callback callback,
                           Function<PendingLogin, ProviderIdentity> identify) {
        PendingLogin login = pendingLogins.take(provider, callback.state(), callback.browserBinding());
        String way = login.isApp() ? LoginFinished.APP : LoginFinished.BROWSER;
        try {
            if (callback.error() != null) {
                String reason = ERROR_CODE.matcher(callback.error()).matches() ? callback.error() : "error";
                throw new ProviderRefusal(reason);
            }
            if (callback.code() == null || callback.code().isEmpty()) {
                throw new ProblemException(400, "Missing code parameter");
            }
            ProviderIdentity identity = identify.apply(login);
            Response response = login.isApp()
                    ? toApp(login.app(), Map.of("code", completion.handOff(identity, login.app())))
                    : tokens(completion.signIn(identity));
            finished.fire(LoginFinished.success(provider, way));
            return Response.fromResponse(response).header(HttpHeaders.SET_COOKIE, cookies.cleared(provider)).build();
        } catch (ProblemException problem) {
            finished.fire(LoginFinished.failure(provider, way, problem.status()));
            if (!login.isApp()) {
                throw problem;
            }
            return toApp(login.app(), Map.of("error", appError(problem), "error_description", problem.getMessage()));
        } catch (RuntimeException unexpected) {
            finished.fire(LoginFinished.failure(provider, way, 500));
            if (!login.isApp()) {
                throw unexpected;
            }
            LOG.log(Level.SEVERE, "An app sign-in failed unexpectedly: {0}", unexpected.getClass().getName());
            return toApp(login.app(), Map.of("error", "server_error", "error_description", "The sign-in failed"));
        }
    }

    /** What a provider's redirect back carries, and this browser's binding cookie. */
    public record Callback(String code, String state, String error, String browserBinding) {
    }

    /** The provider redirected back with {@code error}: the person said no, or the provider gave up. */
    static final class ProviderRefusal extends ProblemException {

        private final String error;

        ProviderRefusal(String error) {
            super(400, "The sign-in was not completed at the provider (" + error + ")");
            this.error = error;
        }
    }

    // RFC 6749 4.1.2.1 codes, as the contract assigns them
    private static String appError(ProblemException problem) {
        if (problem instanceof ProviderRefusal refusal) {
            return switch (refusal.error) {
                case "temporarily_unavailable", "server_error" -> refusal.error;
                default -> "access_denied";
            };
        }
        return switch (problem.status()) {
            case 401 -> "access_denied";
            case 502, 503, 504 -> "temporarily_unavailable";
            default -> "server_error";
        };
    }

    static Response tokens(LoginCompletion.SignedIn signedIn) {
        // RFC 6749 5.1: a response with a token must not be cached
        return Response.ok(signedIn.tokens(), MediaType.APPLICATION_JSON_TYPE)
                .cacheControl(NO_STORE)
                .header("Pragma", "no-cache")
                .build();
    }

    /** A 302 to the app's registered redirect URI with these parameters (and the app's state) added to its query. */
    private static Response toApp(AppRequest app, Map<String, String> parameters) {
        Map<String, String> query = new LinkedHashMap<>(parameters);
        if (app.state() != null) {
            query.put("state", app.state());
        }
        StringBuilder location = new StringBuilder(app.redirectUri());
        char separator = app.redirectUri().indexOf('?') >= 0 ? '&' : '?';
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            location.append(separator).append(encode(parameter.getKey())).append('=').append(encode(parameter.getValue()));
            separator = '&';
        }
        return Response.status(Response.Status.FOUND)
                .header("Location", location.toString())
                .cacheControl(NO_STORE)
                .header("Referrer-Policy", "no-referrer")
                .build();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
