package com.nextarget.server.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Collections;
import java.util.OptionalLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code RATE_LIMIT_PER_MINUTE} requests per client and calendar minute on {@code /auth/*}, counted in the database so
 * that every instance on it shares the count: one upsert per request returns the client's count in this minute.
 * A client's first request of a minute also deletes every window of earlier minutes (an indexed range that is
 * nearly always empty), so the table holds about one minute of clients.
 */
@ApplicationScoped
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class.getName());
    private static final long WINDOW_MILLIS = 60_000;

    // atomic in SQLite (3.35+) and PostgreSQL: concurrent requests of one client each get their own count
    private static final String COUNT = """
            INSERT INTO rate_limit_windows (client, window_start, requests) VALUES (?, ?, 1)
            ON CONFLICT (client, window_start) DO UPDATE SET requests = rate_limit_windows.requests + 1
            RETURNING requests""";
    private static final String PRUNE = "DELETE FROM rate_limit_windows WHERE window_start < ?";

    @Inject
    EntityManagerFactory entityManagerFactory;

    @Inject
    RateLimitSettings settings;

    @Inject
    Clock clock;

    @Inject
    Event<RateLimited> limited;

    /** Counts the request; when its client is over the limit, the seconds until the minute is over. */
    public OptionalLong retryAfter(HttpServletRequest request) {
        String client = ClientAddress.of(request.getRemoteAddr(),
                Collections.list(request.getHeaders("X-Forwarded-For")), settings.trustProxyHeaders());
        long now = clock.millis();
        long window = now - Math.floorMod(now, WINDOW_MILLIS);
        long count;
        try {
            count = count(client, window);
        } catch (RuntimeException e) {
            // a database that cannot count would fail the login anyway; do not turn it into a 429
            LOG.log(Level.WARNING, "Rate limit not checked: {0}", e.getClass().getName());
            return OptionalLong.empty();
        }
        if (count <= settings.perMinute()) {
            return OptionalLong.empty();
        }
        limited.fire(new RateLimited());
        return OptionalLong.of(Math.max(1, (window + WINDOW_MILLIS - now + 999) / 1000));
    }

    private long count(String client, long window) {
        EntityManager em = entityManagerFactory.createEntityManager();
        try {
            EntityTransaction transaction = em.getTransaction();
            transaction.begin();
            try {
                Number count = (Number) em.createNativeQuery(COUNT)
                        .setParameter(1, client)
                        .setParameter(2, window)
                        .getSingleResult();
                if (count.longValue() == 1) {
                    em.createNativeQuery(PRUNE).setParameter(1, window).executeUpdate();
                }
                transaction.commit();
                return count.longValue();
            } finally {
                if (transaction.isActive()) {
                    transaction.rollback();
                }
            }
        } finally {
            em.close();
        }
    }
}
