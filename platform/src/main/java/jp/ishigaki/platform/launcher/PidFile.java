package jp.ishigaki.platform.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Keeps one launcher per state directory: a second {@code ./ishigaki run} on the same checkout is refused. */
final class PidFile {

    private final Path file;

    private PidFile(Path file) {
        this.file = file;
    }

    static PidFile claim(Path file) {
        try {
            if (Files.exists(file)) {
                Optional<ProcessHandle> other = ProcessHandle.of(Long.parseLong(Files.readString(file).strip()));
                if (other.isPresent() && other.get().isAlive() && other.get().info().commandLine()
                        .map(line -> line.contains(Main.class.getName())).orElse(false)) {
                    throw new IllegalStateException("Ishigaki is already running from this directory (pid "
                            + other.get().pid() + "); stop it with Ctrl-C in its terminal or kill " + other.get().pid());
                }
            }
            Files.writeString(file, ProcessHandle.current().pid() + "\n");
            return new PidFile(file);
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("cannot claim " + file + ": " + e.getMessage(), e);
        }
    }

    void release() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
