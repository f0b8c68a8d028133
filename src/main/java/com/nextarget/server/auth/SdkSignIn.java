package com.nextarget.server.auth;

import com.nextarget.server.error.ProblemException;
import com.nextarget.server.user.IdentityProvider;
import com.nextarget.server.user.ProviderIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A native SDK sign-in: the app hands in the credential the provider's SDK gave it, the provider's code says who it
 * belongs to, and the answer is a new session's token response. The JSON body is read here, so that every SDK
 * endpoint refuses a malformed one alike.
 */
@ApplicationScoped
public class SdkSignIn {

    @Inject
    LoginCompletion completion;

    @Inject
    Event<LoginFinished> finished;

    /** {@code identify} throws {@link ProblemException} when the credential is refused or the provider fails. */
    public Response signIn(IdentityProvider provider, Supplier<ProviderIdentity> identify) {
        try {
            Response tokens = LoginFlow.tokens(completion.signIn(identify.get()));
            finished.fire(LoginFinished.success(provider, LoginFinished.SDK));
            return tokens;
        } catch (ProblemException problem) {
            finished.fire(LoginFinished.failure(provider, LoginFinished.SDK, problem.status()));
            throw problem;
        } catch (RuntimeException unexpected) {
            finished.fire(LoginFinished.failure(provider, LoginFinished.SDK, 500));
            throw unexpected;
        }
    }

    /** The request body as a JSON object; anything else is a 400. */
    public static JsonObject body(String body) {
        if (body == null || body.isBlank()) {
            throw new ProblemException(400, "The body must be a JSON object");
        }
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new ProblemException(400, "The body must be a JSON object");
        }
    }

    /** A member that must be a non-empty string when present; absent or null is empty. */
    public static Optional<String> member(JsonObject body, String name) {
        JsonValue value = body.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (!(value instanceof JsonString text) || text.getString().isEmpty()) {
            throw new ProblemException(400, name + " must be a non-empty string");
        }
        return Optional.of(text.getString());
    }

    public static String required(JsonObject body, String name) {
        return member(body, name).orElseThrow(() -> new ProblemException(400, "Missing " + name));
    }
}
