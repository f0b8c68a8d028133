package com.nextarget.server.launch;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
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

    private static final DateTimeFormatter TO_THE_SECOND = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    /** The formatted second of the last record: an access line per request makes this the common case. */
    private volatile Second lastSecond = new Second(Long.MIN_VALUE, "");

    private record Second(long epochSecond, String text) {
    }

    @Override
    public String format(LogRecord record) {
        StringBuilder json = new StringBuilder(256).append('{');
        field(json, "time", time(record.getMillis()));
        field(json, "level", level(record.getLevel()));
        field(json, "logger", record.getLoggerName() == null ? "" : record.getLoggerName());
        Object[] parameters = record.getParameters();
        if (parameters != null && parameters.length > 0 && parameters[0] instanceof Map<?, ?> fields) {
            field(json, "message", record.getMessage());
            fields.forEach((name, value) -> field(json, String.valueOf(name), value));
        } else {
            field(json, "message", formatMessage(record));
        }
        if (record.getThrown() != null) {
            field(json, "exception", record.getThrown().getClass().getName());
        }
        json.setLength(json.length() - 1);
        return json.append("}\n").toString();
    }

    /** RFC 3339 in UTC with milliseconds, such as {@code 2026-11-27T17:52:27.352Z}. */
    String time(long epochMillis) {
        long epochSecond = Math.floorDiv(epochMillis, 1000);
        Second second = lastSecond;
        if (second.epochSecond() != epochSecond) {
            second = new Second(epochSecond,
                    TO_THE_SECOND.format(LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC)));
            lastSecond = second;
        }
        int millis = (int) Math.floorMod(epochMillis, 1000);
        return second.text() + '.' + (char) ('0' + millis / 100) + (char) ('0' + millis / 10 % 10)
                + (char) ('0' + millis % 10) + 'Z';
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
        if (!needsEscaping(value)) {
            json.append(value).append('"');
            return;
        }
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

    private static boolean needsEscaping(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || c == 0x2028 || c == 0x2029) {
                return true;
            }
        }
        return false;
    }
}
