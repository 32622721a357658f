package jp.ishigaki.detection.bench;

import jp.ishigaki.platform.launcher.ChildProcess;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The {@link PassThrough} JVM, started once per benchmark and asked for one copy at a time. */
final class CopyProcess implements AutoCloseable {

    private final Process process;
    private final Writer commands;
    private final BufferedReader answers;

    private CopyProcess(Process process) {
        this.process = process;
        this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** The same class path and {@code bench.*} overrides as this JVM, and the same log manager. */
    static CopyProcess start(String bootstrap) throws IOException {
        List<String> command = new ArrayList<>(List.of(ChildProcess.javaExecutable(), "-Xmx1g"));
        System.getProperties().stringPropertyNames().stream()
                .filter(name -> name.startsWith("bench.") || name.equals("java.util.logging.manager"))
                .forEach(name -> command.add("-D" + name + "=" + System.getProperty(name)));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), PassThrough.class.getName(), bootstrap));
        return new CopyProcess(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
    }

    /** One copy of {@code events} records: records, seconds, the copy workers' CPU nanoseconds. */
    double[] copy(long events) throws IOException {
        commands.write("copy " + events + "\n");
        commands.flush();
        for (String line; (line = answers.readLine()) != null; ) {
            if (line.startsWith(PassThrough.ANSWER)) {
                String[] fields = line.substring(PassThrough.ANSWER.length()).split(" ");
                return new double[] {Long.parseLong(fields[0]), Double.parseDouble(fields[1]), Long.parseLong(fields[2])};
            }
            System.out.println("  copy JVM: " + line);
        }
        throw new IllegalStateException("the copy JVM ended (exit " + exitValue() + ")");
    }

    /** The copy JVM's CPU time so far (its workers, producer I/O, JIT, GC). */
    long cpuNanos() {
        return process.toHandle().info().totalCpuDuration().map(Duration::toNanos)
                .orElseThrow(() -> new IllegalStateException("the copy JVM's CPU time is not readable"));
    }

    long pid() {
        return process.pid();
    }

    private String exitValue() {
        return process.isAlive() ? "none yet" : String.valueOf(process.exitValue());
    }

    @Override
    public void close() throws IOException {
        commands.close();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
