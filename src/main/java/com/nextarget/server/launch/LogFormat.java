package com.nextarget.server.launch;

import com.nextarget.server.config.DotEnvFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * {@code LOG_FORMAT}: {@code text} (default) leaves Payara Micro's human-readable log as it is; {@code json} hands
 * Payara Micro a logging configuration ({@code --logproperties}) whose only handler is {@link StdoutJsonHandler}, with
 * Payara's own logger levels kept, so that its start-up and error lines are JSON too, and turns lines printed to
 * {@code System.out} into JSON lines ({@link StdoutLines}).
 */
final class LogFormat {

    static final String VARIABLE = "LOG_FORMAT";
    /** Payara's own logging configuration in the launcher layout, whose logger levels the JSON one keeps. */
    private static final String PAYARA_DEFAULTS = "config/logging.properties";

    private LogFormat() {
    }

    /** Sets up the configured format; returns the arguments to add to Payara Micro's command line for it. */
    static List<String> configure(Path runtime) {
        String format = System.getenv(VARIABLE);
        if (format == null || format.isBlank()) {
            format = DotEnvFile.readWorkingDirectory().getOrDefault(VARIABLE, "text");
        }
        return switch (format.strip().toLowerCase(Locale.ROOT)) {
            case "text" -> List.of();
            case "json" -> {
                System.setOut(new PrintStream(new StdoutLines(), true, StandardCharsets.UTF_8));
                yield List.of("--logproperties", writeJsonConfiguration(runtime).toString());
            }
            default -> throw new IllegalArgumentException(VARIABLE + " must be json or text");
        };
    }

    static Properties jsonConfiguration(Path runtime) {
        Properties properties = new Properties();
        Path defaults = runtime.resolve(PAYARA_DEFAULTS);
        if (Files.isRegularFile(defaults)) {
            try (InputStream in = Files.newInputStream(defaults)) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        properties.keySet().removeIf(key -> key.toString().startsWith("java.util.logging.ConsoleHandler.")
                || key.toString().startsWith("com.sun.enterprise.server.logging."));
        String handler = StdoutJsonHandler.class.getName();
        properties.setProperty("handlers", handler);
        properties.setProperty(handler + ".formatter", JsonLogFormatter.class.getName());
        properties.setProperty(handler + ".level", "ALL");
        return properties;
    }

    private static Path writeJsonConfiguration(Path runtime) {
        try {
            Path file = Files.createTempFile("nextarget-logging-", ".properties");
            file.toFile().deleteOnExit();
            try (OutputStream out = Files.newOutputStream(file)) {
                jsonConfiguration(runtime).store(out, "LOG_FORMAT=json: one JSON object per line on standard output");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
