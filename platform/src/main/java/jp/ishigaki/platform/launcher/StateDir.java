package jp.ishigaki.platform.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The launcher's state under {@code .ishigaki/} in the repository (git-ignored, owner-only): Kafka and MariaDB data,
 * received mail, logs and generated secrets (owner-only files).
 */
public record StateDir(Path root) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public static StateDir at(Path root) {
        StateDir dir = new StateDir(root.toAbsolutePath().normalize());
        dir.create(dir.root());
        setMode(dir.root(), "rwx------");
        return dir;
    }

    public Path kafka() {
        return create(root.resolve("kafka"));
    }

    public Path mariadb() {
        return create(root.resolve("mariadb"));
    }

    public Path mail() {
        return create(root.resolve("mail"));
    }

    /** Owner-only: incident-service writes its one-time admin password banner to its log. */
    public Path logs() {
        Path dir = create(root.resolve("logs"));
        setMode(dir, "rwx------");
        return dir;
    }

    public Path streams() {
        return create(root.resolve("streams"));
    }

    /** Operator rules for detection-streams, added to the built-in set and picked up while running. */
    public Path rules() {
        return create(root.resolve("rules"));
    }

    public Path secrets() {
        Path dir = create(root.resolve("secrets"));
        setMode(dir, "rwx------");
        return dir;
    }

    public Path log(String component) {
        return logs().resolve(component + ".log");
    }

    /** The secret of that name, generated (32 random bytes, URL-safe Base64) and stored with mode 600 on first use. */
    public String secret(String name) {
        Path file = secrets().resolve(name);
        try {
            if (Files.exists(file)) {
                String value = Files.readString(file).strip();
                if (!value.isEmpty()) {
                    return value;
                }
            }
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, value + "\n");
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep secret " + file, e);
        }
    }

    private Path create(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    private static void setMode(Path path, String mode) {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
        } catch (IOException | UnsupportedOperationException e) {
            // not a POSIX file system: nothing more we can do
        }
    }
}
