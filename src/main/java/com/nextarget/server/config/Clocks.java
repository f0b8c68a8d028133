package com.nextarget.server.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** The one clock of the application, injectable so that time-dependent rules stay testable. */
@ApplicationScoped
public class Clocks {

    @Produces
    Clock systemClock() {
        return Clock.systemUTC();
    }
}
