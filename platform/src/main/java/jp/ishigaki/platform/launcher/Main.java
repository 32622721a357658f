package jp.ishigaki.platform.launcher;

import java.nio.file.Path;

/** Entry point of the Java side of {@code ./ishigaki}; the shell script builds what is missing and calls this. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        String command = args.length == 0 ? "run" : args[0];
        Path repository = Path.of(System.getProperty("ishigaki.home", "")).toAbsolutePath().normalize();
        int exit = switch (command) {
            case "run" -> new Platform(repository, System.getenv(), System.out).run();
            case "reset" -> Reset.run(repository, System.getenv(), System.out);
            default -> {
                System.err.println("unknown command: " + command);
                yield 2;
            }
        };
        System.exit(exit);
    }
}
