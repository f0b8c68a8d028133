package com.nextarget.server.launch;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * One JSON object per log record, on one line: {@code time} (RFC 3339, UTC), {@code level}, {@code logger},
 * {@code message}, the fields of a record whose first parameter is a {@code Map} (the access log's method, path,
 * status, duration_ms, trace_id), and for a record with an exception only its class: exception messages and stack
 * traces can quote request data. It lives beside the launcher, on the JVM's class path, because Payara Micro's log
 * manager loads handlers and formatters from there (its own formatters are inside its runtime and fall back to the
 * JDK's plain format when it reloads the configuration).
 */
public class JsonLogFormatter extends Formatter {

    @Override
    public String format(LogRecord record) {
        StringBuilder json = new StringBuilder(256).append('{');
        field(json, "time", DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochMilli(record.getMillis())));
        field(json, "level", level(record.getLevel()));
        field(json, "logger", record.getLoggerName() == null ? "" : record.getLoggerName());
        field(json, "message", formatMessage(record));
        Object[] parameters = record.getParameters();
        if (parameters != null && parameters.length > 0 && parameters[0] instanceof Map<?, ?> fields) {
            fields.forEach((name, value) -> field(json, String.valueOf(name), value));
        }
        if (record.getThrown() != null) {
            field(json, "exception", record.getThrown().getClass().getName());
        }
        json.setLength(json.length() - 1);
        return json.append("}\n").toString();
    }

    static String level(Level level) {
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            return "error";
        }
        if (value >= Level.WARNING.intValue()) {
            return "warn";
        }
        if (value >= Level.INFO.intValue()) {
            return "info";
        }
        return value >= Level.FINE.intValue() ? "debug" : "trace";
    }

    private static void field(StringBuilder json, String name, Object value) {
        string(json, name);
        json.append(':');
        if (value instanceof Number || value instanceof Boolean) {
            json.append(value);
        } else if (value == null) {
            json.append("null");
        } else {
            string(json, value.toString());
        }
        json.append(',');
    }

    private static void string(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
