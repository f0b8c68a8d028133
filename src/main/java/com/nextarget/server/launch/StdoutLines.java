package com.nextarget.server.launch;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * With {@code LOG_FORMAT=json}, what code prints to {@code System.out} instead of logging (Payara does at shutdown)
 * becomes a JSON line too: each printed line is one record of logger {@code stdout}.
 */
final class StdoutLines extends OutputStream {

    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private final StdoutJsonHandler handler = new StdoutJsonHandler();

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            emit();
        } else if (b != '\r') {
            line.write(b);
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            write(bytes[i]);
        }
    }

    @Override
    public synchronized void flush() {
        // a line is written when it ends; a partial one waits for its end
    }

    private void emit() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (text.isBlank()) {
            return;
        }
        LogRecord record = new LogRecord(Level.INFO, text);
        record.setLoggerName("stdout");
        handler.publish(record);
    }
}
