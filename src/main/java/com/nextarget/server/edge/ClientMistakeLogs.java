package com.nextarget.server.edge;

import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Grizzly's parser logs a request with both {@code Content-Length} and {@code Transfer-Encoding} at SEVERE, as if it
 * were the server's fault. Anyone can send one, so that record becomes one INFO line; every other record of the
 * logger is untouched. (Its other refusals, a broken chunk included, log nothing behind {@link EdgeFilters}.)
 */
final class ClientMistakeLogs implements Filter {

    private static final String BOTH_LENGTHS = "Can't use both headers Content-Length and Transfer-Encoding";

    // held here: java.util.logging keeps loggers weakly, and a collected logger would lose its filter
    private static final Logger PARSER = Logger.getLogger("org.glassfish.grizzly.http.HttpServerFilter");

    private ClientMistakeLogs() {
    }

    static void install() {
        PARSER.setFilter(new ClientMistakeLogs());
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        String message = record.getMessage();
        if (message != null && message.startsWith(BOTH_LENGTHS)) {
            record.setLevel(Level.INFO);
            record.setThrown(null);
            record.setMessage("Refused a malformed request: both Content-Length and Transfer-Encoding");
        }
        return true;
    }
}
