package com.nextarget.server.launch;

import com.nextarget.server.config.DotEnvFile;
import java.util.ArrayList;
import java.util.List;

/**
 * Main class of {@code nextarget.jar}: Payara Micro cannot take its HTTP port from an environment variable
 * with a default, so this picks {@code PORT} (environment, then {@code .env}, then 8000) and hands over to
 * Payara Micro's own entry point. Every other setting is read by the application through MicroProfile Config.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        List<String> payaraArgs = new ArrayList<>(List.of("--port", port()));
        payaraArgs.addAll(List.of(args));
        Class.forName("fish.payara.micro.PayaraMicro")
                .getMethod("main", String[].class)
                .invoke(null, (Object) payaraArgs.toArray(String[]::new));
    }

    static String port() {
        String port = System.getenv("PORT");
        if (port == null || port.isBlank()) {
            port = DotEnvFile.readWorkingDirectory().getOrDefault("PORT", "8000");
        }
        int number = Integer.parseInt(port.strip());
        if (number < 1 || number > 65535) {
            throw new IllegalArgumentException("PORT must be between 1 and 65535");
        }
        return Integer.toString(number);
    }
}
