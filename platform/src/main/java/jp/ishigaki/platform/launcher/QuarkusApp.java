package jp.ishigaki.platform.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A packaged Quarkus service ({@code target/quarkus-app/quarkus-run.jar}) run as its own JVM on a given HTTP port. */
public record QuarkusApp(String name, Path jar, int port) {

    public static final String INCIDENT_SERVICE = "incident-service";
    public static final String NOTIFICATION_SERVICE = "notification-service";
    public static final String DETECTION_STREAMS = "detection-streams";

    /** The packaged application of a reactor module, e.g. {@code incident-service/target/quarkus-app/quarkus-run.jar}. */
    public static QuarkusApp ofModule(Path repository, String module, int port) {
        return new QuarkusApp(module, repository.resolve(module).resolve("target/quarkus-app/quarkus-run.jar"), port);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public String readyUrl() {
        return baseUrl() + "/q/health/ready";
    }

    /**
     * Starts the service with its configuration in environment variables; the HTTP port is set here, and the service
     * listens on loopback only unless the environment says otherwise.
     */
    public ChildProcess start(Map<String, String> environment, List<String> jvmOptions, Path workDir, Path log) {
        if (!jar.toFile().isFile()) {
            throw new IllegalStateException(name + " is not packaged: " + jar + " is missing (run ./mvnw -B -DskipTests install)");
        }
        Map<String, String> env = new HashMap<>(environment);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.putIfAbsent("QUARKUS_HTTP_HOST", "127.0.0.1");
        List<String> command = new ArrayList<>();
        command.add(ChildProcess.javaExecutable());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        return ChildProcess.start(name, command, env, workDir, log);
    }
}
