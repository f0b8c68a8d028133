package com.nextarget.server;

import com.nextarget.server.auth.facebook.FacebookSettings;
import com.nextarget.server.auth.google.GoogleSettings;
import com.nextarget.server.db.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The one start-up line: where the server listens, where its docs are, which database and providers it uses. */
@ApplicationScoped
public class StartupLog {

    private static final Logger LOG = Logger.getLogger("nextarget");

    @Inject
    @ConfigProperty(name = "PORT", defaultValue = "8000")
    int port;

    @Inject
    Database database;

    @Inject
    GoogleSettings google;

    @Inject
    FacebookSettings facebook;

    void announce(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        LOG.info(() -> "NexTarget server listening on http://0.0.0.0:" + port
                + " | docs http://localhost:" + port + "/docs"
                + " | database " + database.url().display()
                + " | Google " + (google.isConfigured() ? "configured" : "not configured")
                + " | Facebook " + (facebook.isConfigured() ? "configured" : "not configured"));
    }
}
