package jp.ishigaki.platform.launcher;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.Supplier;

/** One terminal line per start-up step: what it is, where it ended up, and how long it took. */
final class Progress {

    private final PrintStream out;
    private final long started = System.nanoTime();

    Progress(PrintStream out) {
        this.out = out;
    }

    /** Runs the step; its result is a short description of where the component is. */
    <T> T step(String label, Supplier<T> step, java.util.function.Function<T, String> describe) {
        out.printf("  %-22s … ", label);
        out.flush();
        long start = System.nanoTime();
        try {
            T result = step.get();
            out.printf("%s (%s)%n", describe.apply(result), seconds(start));
            return result;
        } catch (RuntimeException e) {
            out.printf("FAILED after %s%n", seconds(start));
            throw e;
        }
    }

    void line(String label, String detail, long startNanos) {
        out.printf("  %-22s   %s (%s)%n", label, detail, seconds(startNanos));
    }

    String total() {
        return seconds(started);
    }

    static String seconds(long startNanos) {
        return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - startNanos) / 1e9);
    }
}
