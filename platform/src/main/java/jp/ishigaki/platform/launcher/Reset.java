package jp.ishigaki.platform.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code ./ishigaki reset}: forgets the local platform — the two databases and {@code .ishigaki/} (Kafka data, mail,
 * logs, secrets) — so the next {@code ./ishigaki run} starts from nothing and shows a new admin password.
 */
final class Reset {

    private Reset() {
    }

    static int run(Path repository, Map<String, String> env, PrintStream out) {
        Path root = repository.resolve(".ishigaki");
        if (Files.exists(root)) {
            PidFile.claim(root.resolve("launcher.pid")).release();
        }
        out.println(Databases.reset(env));
        if (Files.exists(root)) {
            try (Stream<Path> files = Files.walk(root)) {
                files.sorted(Comparator.reverseOrder()).forEach(Reset::delete);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.println("removed " + repository.relativize(root) + "/");
        }
        return 0;
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path, e);
        }
    }
}
