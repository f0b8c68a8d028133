package com.nextarget.server.launch;

import static org.assertj.core.api.Assertions.assertThat;

import com.nextarget.server.testing.RunningServer;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A start a person can read: nothing at WARNING or above when nothing is wrong, and the ready line at the end. */
class QuietStartIT {

    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*m");
    // the level as Payara's formats write it: [WARNING] (ODL), "WARNING:" (plain), "level":"WARNING" (JSON); and the JVM's
    private static final Pattern WARNING_OR_WORSE = Pattern.compile(
            "\\[(WARNING|SEVERE)]|^(WARNING|SEVERE):|\"(level|Level)\"\\s*:\\s*\"(WARNING|SEVERE)\"|VM warning");
    private static final String READY = "NexTarget server ready";

    @Test
    void configuredStartLogsNothingAtWarningOrAbove() throws InterruptedException {
        List<String> start = startLines();
        assertThat(start).filteredOn(line -> WARNING_OR_WORSE.matcher(line).find()).isEmpty();
    }

    @Test
    void readyLineNamesThePortTheServerListensOn() throws InterruptedException {
        assertThat(logUpToReadyLine()).contains(READY + ": http://0.0.0.0:" + RunningServer.shared().port() + " answers");
    }

    /** The shared server's log lines from its start up to its ready line. */
    private static List<String> startLines() throws InterruptedException {
        String log = logUpToReadyLine();
        return log.substring(0, log.indexOf(READY)).lines().toList();
    }

    /** The port opens just before the launcher logs that it is ready: the line may take a moment to appear. */
    private static String logUpToReadyLine() throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        String log = "";
        while (Instant.now().isBefore(deadline)) {
            log = ANSI.matcher(RunningServer.shared().logOfThisStart()).replaceAll("");
            int ready = log.indexOf(READY);
            if (ready >= 0 && log.indexOf('\n', ready) >= 0) {
                return log.substring(0, log.indexOf('\n', ready));
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no ready line in:\n" + log);
    }
}
