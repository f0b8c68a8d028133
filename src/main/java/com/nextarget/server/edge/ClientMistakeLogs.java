package com.nextarget.server.edge;

import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.glassfish.grizzly.http.HttpBrokenContentException;

/**
 * Grizzly reports two client mistakes as if they were the server's: {@code Content-Length} with
 * {@code Transfer-Encoding} at SEVERE, and a broken chunk at WARNING with a stack trace (GRIZZLY0013). Anyone can
 * send them, so they become one INFO line without a stack trace; every other record of these loggers is untouched.
 */
final class ClientMistakeLogs implements Filter {

    static final String PARSER_LOGGER = "org.glassfish.grizzly.http.HttpServerFilter";
    static final String CHAIN_LOGGER = "org.glassfish.grizzly.filterchain.DefaultFilterChain";
    private static final String BOTH_LENGTHS = "Can't use both headers Content-Length and Transfer-Encoding";

    // loggers are held here: java.util.logging keeps only weak references, and a collected logger loses its filter
    private static final Logger PARSER = Logger.getLogger(PARSER_LOGGER);
    private static final Logger CHAIN = Logger.getLogger(CHAIN_LOGGER);

    private ClientMistakeLogs() {
    }

    static void install() {
        PARSER.setFilter(new ClientMistakeLogs());
        CHAIN.setFilter(new ClientMistakeLogs());
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        String mistake = mistakeIn(record);
        if (mistake != null) {
            record.setLevel(Level.INFO);
            record.setThrown(null);
            record.setParameters(null);
            record.setMessage("Refused a malformed request: " + mistake);
        }
        return true;
    }

    static String mistakeIn(LogRecord record) {
        if (record.getThrown() instanceof HttpBrokenContentException) {
            return "broken body framing";
        }
        String message = record.getMessage();
        if (message != null && message.startsWith(BOTH_LENGTHS)) {
            return "both Content-Length and Transfer-Encoding";
        }
        return null;
    }
}
