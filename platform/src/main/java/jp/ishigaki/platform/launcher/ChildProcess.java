package jp.ishigaki.platform.launcher;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A child process of the launcher or of a packaged-application test: output appended to a log file, its own session
 * (so a Ctrl-C in the terminal reaches only the launcher, which then stops children in order), stopped with SIGTERM
 * and, after a timeout, SIGKILL.
 */
public final class ChildProcess implements AutoCloseable {

    private static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(20);
    private static final String SETSID = "/usr/bin/setsid";

    private final String name;
    private final Process process;
    private final Path log;
    private final long logOffset;

    private ChildProcess(String name, Process process, Path log, long logOffset) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.logOffset = logOffset;
    }

    /** Starts {@code command} in {@code workDir} with the extra environment, appending its output to {@code log}. */
    public static ChildProcess start(String name, List<String> command, Map<String, String> environment, Path workDir,
                                     Path log) {
        List<String> full = new ArrayList<>();
        if (new File(SETSID).canExecute()) {
            full.add(SETSID);
        }
        full.addAll(command);
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            long offset = Files.exists(log) ? Files.size(log) : 0;
            ProcessBuilder builder = new ProcessBuilder(full)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().putAll(environment);
            return new ChildProcess(name, builder.start(), log, offset);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    /** The java executable running this JVM, to start child JVMs of the same version. */
    public static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path log() {
        return log;
    }

    /** Resident memory of the process in KiB (from /proc), or -1 when unknown. */
    public long residentKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** Waits until host:port accepts connections; fails early if the process exits. */
    public void awaitPort(String host, int port, Duration timeout) {
        await(() -> jp.ishigaki.platform.Ports.answers(host, port, 300), timeout, host + ":" + port + " to accept connections");
    }

    /** Waits until {@code url} answers 200 (e.g. {@code /q/health/ready}); fails early if the process exits. */
    public void awaitHttpOk(String url, Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).GET().build();
        await(() -> {
            try {
                return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }, timeout, url + " to answer 200");
    }

    private void await(java.util.function.BooleanSupplier ready, Duration timeout, String what) {
        Instant deadline = Instant.now().plus(timeout);
        while (!ready.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new ChildFailedException(name + " exited with code " + process.exitValue()
                        + " while waiting for " + what, this);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new ChildFailedException(name + " did not get ready within " + timeout.toSeconds()
                        + " s (waiting for " + what + ")", this);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ChildFailedException("interrupted while waiting for " + name, this);
            }
        }
    }

    /** What this process wrote to its log since it started. */
    public String output() {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            if (length <= logOffset) {
                return "";
            }
            byte[] bytes = new byte[(int) Math.min(length - logOffset, 8 * 1024 * 1024)];
            file.seek(logOffset);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** The last {@code lines} lines of this run's output. */
    public String tail(int lines) {
        List<String> all = output().lines().toList();
        return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    /** SIGTERM, then SIGKILL after {@code timeout}; returns the exit code. */
    public int stop(Duration timeout) {
        if (!process.isAlive()) {
            return process.exitValue();
        }
        process.destroy();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            return process.isAlive() ? -1 : process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return -1;
        }
    }

    @Override
    public void close() {
        stop(DEFAULT_STOP_TIMEOUT);
    }

    /** A child that exited or did not get ready; carries the child for its log. */
    public static final class ChildFailedException extends IllegalStateException {
        private final transient ChildProcess child;

        ChildFailedException(String message, ChildProcess child) {
            super(message);
            this.child = child;
        }

        public ChildProcess child() {
            return child;
        }
    }
}
