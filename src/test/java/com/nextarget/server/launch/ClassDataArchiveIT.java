package com.nextarget.server.launch;

import static org.assertj.core.api.Assertions.assertThat;

import com.nextarget.server.testing.RunningServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The class-data archive that {@code mvn package} writes must fit the jar and the JDK that run it: with
 * {@code -Xshare:auto} (the default) a stale archive is only a warning and a slower start, so nothing else would fail.
 */
class ClassDataArchiveIT {

    @Test
    void archiveWrittenByTheBuildIsAcceptedByThisJdkForThisJar() throws IOException, InterruptedException {
        assertThat(RunningServer.CLASS_DATA_ARCHIVE).isRegularFile();
        // -Xshare:on turns "cannot use the archive" (another JDK, a rebuilt jar) into a failed start
        Process java = new ProcessBuilder(RunningServer.JAVA.toString(), "-Xshare:on",
                "-XX:SharedArchiveFile=" + RunningServer.CLASS_DATA_ARCHIVE,
                "-cp", RunningServer.JAR.toString(), "-version")
                .redirectErrorStream(true)
                .start();
        String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(java.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(java.exitValue()).as(output).isZero();
        assertThat(output).doesNotContainIgnoringCase("shared archive");
    }

    @Test
    void serverStartedWithTheArchiveDoesNotRefuseIt() {
        // the harness starts every server with the archive: its log must not say the archive was refused
        assertThat(RunningServer.shared().log()).doesNotContain("Unable to use shared archive");
    }
}
