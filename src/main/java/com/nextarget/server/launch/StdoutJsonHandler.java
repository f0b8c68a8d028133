package com.nextarget.server.launch;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.ErrorManager;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * The one log handler with {@code LOG_FORMAT=json}: each record as a JSON line on the process's standard output.
 * It writes to file descriptor 1 itself rather than to {@code System.out}, which a server may redirect into its
 * logs (a loop).
 */
public class StdoutJsonHandler extends Handler {

    private static final OutputStream STDOUT = new FileOutputStream(FileDescriptor.out);

    public StdoutJsonHandler() {
        setFormatter(new JsonLogFormatter());
    }

    @Override
    public void publish(LogRecord record) {
        if (!isLoggable(record)) {
            return;
        }
        byte[] line;
        try {
            line = getFormatter().format(record).getBytes(StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            reportError("cannot format a log record", e, ErrorManager.FORMAT_FAILURE);
            return;
        }
        // one write per line, so that lines of concurrent requests never interleave
        synchronized (STDOUT) {
            try {
                STDOUT.write(line);
            } catch (IOException e) {
                reportError("cannot write to standard output", e, ErrorManager.WRITE_FAILURE);
            }
        }
    }

    @Override
    public void flush() {
        // nothing is buffered
    }

    @Override
    public void close() {
        // standard output stays open for the rest of the process
    }
}
