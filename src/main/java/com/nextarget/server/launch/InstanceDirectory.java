package com.nextarget.server.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The directory Payara Micro writes while it runs ({@code --rootdir}: domain.xml, the deployed application, generated
 * classes), made fresh for each start from the configuration the build prepared, so no state of an earlier start
 * (a deployed application, settings) carries over and several servers can run from one installation. It lives in
 * the temporary directory, named after the process; a start deletes those left behind by processes that are gone
 * (a kill -9 leaves one behind).
 */
final class InstanceDirectory {

    private static final String PREFIX = "nextarget-instance-";
    private static final Pattern NAME = Pattern.compile(Pattern.quote(PREFIX) + "(\\d+)-\\d+");

    private final Path path;

    private InstanceDirectory(Path path) {
        this.path = path;
    }

    static InstanceDirectory createFrom(Path configTemplate) throws IOException {
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        deleteLeftovers(temp);
        Path path = Files.createTempDirectory(temp, PREFIX + ProcessHandle.current().pid() + "-");
        copyTree(configTemplate, path.resolve("config"));
        return new InstanceDirectory(path);
    }

    Path path() {
        return path;
    }

    void delete() {
        deleteTree(path);
    }

    /**
     * Deletes the directory when the JVM exits, once Payara Micro's own shutdown hook (which stops the server that
     * uses it) has finished: shutdown hooks are started together and run concurrently, so this one looks for that
     * thread for a moment and waits for it.
     */
    void deleteOnExit() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                for (int attempt = 0; attempt < 50; attempt++) {
                    Optional<Thread> payara = Thread.getAllStackTraces().keySet().stream()
                            .filter(thread -> thread.getName().equals("Payara Micro Shutdown Hook"))
                            .findFirst();
                    if (payara.isPresent()) {
                        payara.get().join(30_000);
                        break;
                    }
                    Thread.sleep(10);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            delete();
        }, "NexTarget instance directory cleanup"));
    }

    private static void deleteLeftovers(Path temp) throws IOException {
        try (DirectoryStream<Path> candidates = Files.newDirectoryStream(temp, PREFIX + "*")) {
            for (Path candidate : candidates) {
                if (Files.isDirectory(candidate) && ownerIsGone(candidate.getFileName().toString())) {
                    deleteTree(candidate);
                }
            }
        }
    }

    private static boolean ownerIsGone(String name) {
        Matcher matcher = NAME.matcher(name);
        if (!matcher.matches()) {
            return false;
        }
        long pid = Long.parseLong(matcher.group(1));
        // our own pid on a directory we have not made yet: an earlier process had it (a container's pid 1)
        return pid == ProcessHandle.current().pid() || ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort: what is left is deleted by the next start
        }
    }
}
