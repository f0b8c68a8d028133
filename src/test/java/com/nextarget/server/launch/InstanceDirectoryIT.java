package com.nextarget.server.launch;

import static org.assertj.core.api.Assertions.assertThat;

import com.nextarget.server.testing.RunningServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What a start writes outside its working directory does not pile up, even when the process is killed. */
class InstanceDirectoryIT {

    private static final Path TEMP = Path.of(System.getProperty("java.io.tmpdir"));

    @Test
    void directoryLeftByAKilledServerIsDeletedByTheNextStartAndAStoppedServerLeavesNone() throws Exception {
        Map<String, String> settings = Map.of("JWT_SECRET_KEY", "instance-directory-" + UUID.randomUUID());
        RunningServer killed = RunningServer.start("instance-directory", settings);
        long killedPid = killed.pid();
        assertThat(instanceDirectoriesOf(killedPid)).hasSize(1);
        killed.kill();
        assertThat(instanceDirectoriesOf(killedPid)).as("left behind by kill -9").hasSize(1);

        try (RunningServer next = RunningServer.start("instance-directory", settings)) {
            assertThat(instanceDirectoriesOf(killedPid)).isEmpty();
            long nextPid = next.pid();
            next.stop();
            assertThat(instanceDirectoriesOf(nextPid)).as("after a normal stop").isEmpty();
        }
    }

    private static List<Path> instanceDirectoriesOf(long pid) throws IOException {
        try (Stream<Path> entries = Files.list(TEMP)) {
            return entries.filter(path -> path.getFileName().toString().startsWith("nextarget-instance-" + pid + "-"))
                    .toList();
        }
    }
}
