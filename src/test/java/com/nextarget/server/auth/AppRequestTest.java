package com.nextarget.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nextarget.server.error.ProblemException;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AppRequestTest {

    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
    private final AppSettings settings = settings("com.nextarget.app:/oauth2redirect, https://app.example.com/cb");

    @Test
    void noRedirectUriIsABrowserSignIn() {
        assertThat(AppRequest.from(query("state", "x", "code_challenge", CHALLENGE), settings)).isNull();
    }

    @Test
    void aRegisteredRedirectUriWithAnS256ChallengeIsAnAppSignIn() {
        AppRequest app = AppRequest.from(query("redirect_uri", "com.nextarget.app:/oauth2redirect",
                "code_challenge", CHALLENGE, "code_challenge_method", "S256", "state", "s1", "client_id", "x"), settings);
        assertThat(app).isEqualTo(new AppRequest("com.nextarget.app:/oauth2redirect", CHALLENGE, "s1"));
    }

    @Test
    void aRepeatedRedirectUriIsRefused() {
        assertThatThrownBy(() -> AppRequest.from(query("redirect_uri", "https://app.example.com/cb",
                "redirect_uri", "https://evil.example/cb", "code_challenge", CHALLENGE,
                "code_challenge_method", "S256"), settings))
                .isInstanceOf(ProblemException.class).hasMessageContaining("repeated");
    }

    @Test
    void aMissingChallengeMethodIsRefusedAsPlainWouldBe() {
        assertThatThrownBy(() -> AppRequest.from(query("redirect_uri", "https://app.example.com/cb",
                "code_challenge", CHALLENGE), settings))
                .isInstanceOf(ProblemException.class).hasMessageContaining("S256");
    }

    @Test
    void anAbsentSettingAllowsNoApp() {
        assertThatThrownBy(() -> AppRequest.from(query("redirect_uri", "https://app.example.com/cb",
                "code_challenge", CHALLENGE, "code_challenge_method", "S256"), settings("")))
                .isInstanceOf(ProblemException.class);
    }

    @Test
    void settingsRefuseRelativeUrisAndFragments() {
        assertThatThrownBy(() -> AppSettings.parse("/relative")).hasMessageContaining("absolute URI");
        assertThatThrownBy(() -> AppSettings.parse("https://app.example.com/cb#x")).hasMessageContaining("fragment");
        assertThatThrownBy(() -> AppSettings.parse("https://bad uri")).hasMessageContaining("not a URI");
    }

    private static AppSettings settings(String csv) {
        AppSettings settings = new AppSettings();
        settings.redirectUris = Optional.of(csv);
        return settings;
    }

    private static MultivaluedMap<String, String> query(String... pairs) {
        MultivaluedMap<String, String> query = new MultivaluedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            query.add(pairs[i], pairs[i + 1]);
        }
        return query;
    }
}
