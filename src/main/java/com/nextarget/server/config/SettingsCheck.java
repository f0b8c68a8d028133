package com.nextarget.server.config;

import com.nextarget.server.auth.AppSettings;
import com.nextarget.server.token.TokenSettings;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.logging.Logger;

/**
 * Refuses to start with a setting that could only fail later (a zero token lifetime used to surface as a 500 at the
 * first login): one line names the setting, and the deployment fails, so the launcher exits with status 1.
 */
@ApplicationScoped
public class SettingsCheck {

    private static final Logger LOG = Logger.getLogger("nextarget");

    @Inject
    TokenSettings tokens;

    @Inject
    AppSettings apps;

    void check(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) @Initialized(ApplicationScoped.class) Object start) {
        try {
            tokens.validate();
            apps.validate();
        } catch (IllegalStateException invalid) {
            LOG.severe("NexTarget server cannot start: " + invalid.getMessage());
            throw new InvalidSettingException(invalid.getMessage());
        }
    }

    /** Carries no stack trace: the reason is the whole story. */
    static final class InvalidSettingException extends RuntimeException {
        InvalidSettingException(String message) {
            super(message, null, false, false);
        }
    }
}
