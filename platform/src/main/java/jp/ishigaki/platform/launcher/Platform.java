package jp.ishigaki.platform.launcher;

import jp.ishigaki.platform.db.MariaDb;
import jp.ishigaki.platform.kafka.TopicAdmin;
import jp.ishigaki.platform.mail.MailSink;
import sun.misc.Signal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code ./ishigaki run}: brings up Kafka, MariaDB, the mail sink, the topics and the three services with their state
 * under {@code .ishigaki/}, reports progress, and on Ctrl-C stops what it started in reverse order.
 */
public final class Platform {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration SERVICE_STOP_TIMEOUT = Duration.ofSeconds(20);
    private static final int INCIDENT_PORT = 8080;
    private static final int NOTIFICATION_PORT = 8081;
    private static final int DETECTION_PORT = 8082;
    private static final int SMTP_PORT = 2525;
    private static final int MAIL_VIEW_PORT = 8025;

    private final Path repository;
    private final StateDir state;
    private final Map<String, String> env;
    private final PrintStream out;
    private final Progress progress;
    private final Deque<Stoppable> started = new ArrayDeque<>();
    private final List<ChildProcess> services = new ArrayList<>();
    private volatile boolean stopping;

    /** Something started that must be stopped on exit. */
    private record Stoppable(String name, Runnable stop) {
    }

    Platform(Path repository, Map<String, String> env, PrintStream out) {
        this.repository = repository;
        this.state = StateDir.at(repository.resolve(".ishigaki"));
        this.env = env;
        this.out = out;
        this.progress = new Progress(out);
    }

    /** Starts everything, then waits until interrupted; returns the process exit code. */
    int run() {
        PidFile pidFile = PidFile.claim(state.root().resolve("launcher.pid"));
        Signal.handle(new Signal("INT"), signal -> exit(0));
        Signal.handle(new Signal("TERM"), signal -> exit(0));
        out.println("Ishigaki (石垣) — starting; state in " + repository.relativize(state.root()) + "/, logs in "
                + repository.relativize(state.logs()) + "/");
        try {
            checkPortsFree();
            String kafka = startKafka();
            Databases.Plan db = startDatabase();
            String[] smtp = startMail();
            progress.step("Kafka topics", () -> TopicAdmin.createAll(kafka),
                    created -> created.isEmpty() ? "all present" : created.size() + " created");
            startServices(kafka, db, smtp[0], Integer.parseInt(smtp[1]));
            printReady(kafka);
        } catch (RuntimeException e) {
            out.println();
            out.println("Ishigaki could not start: " + e.getMessage());
            if (e instanceof ChildProcess.ChildFailedException failed) {
                out.println("--- last lines of " + repository.relativize(failed.child().log()) + " ---");
                out.println(failed.child().tail(40));
                out.println("---");
            }
            stopAll();
            pidFile.release();
            return 1;
        }
        watch();
        return 0;
    }

    /** Fails before starting anything when a port the platform needs is taken (a ready check would be fooled). */
    private void checkPortsFree() {
        Map<Integer, String> needed = new LinkedHashMap<>();
        needed.put(INCIDENT_PORT, QuarkusApp.INCIDENT_SERVICE);
        needed.put(NOTIFICATION_PORT, QuarkusApp.NOTIFICATION_SERVICE);
        needed.put(DETECTION_PORT, QuarkusApp.DETECTION_STREAMS);
        if (env.get("ISHIGAKI_SMTP_HOST") == null || env.get("ISHIGAKI_SMTP_HOST").isBlank()) {
            needed.put(SMTP_PORT, "mail sink (SMTP)");
            needed.put(MAIL_VIEW_PORT, "mail sink (web view)");
        }
        List<String> taken = needed.entrySet().stream()
                .filter(entry -> jp.ishigaki.platform.Ports.answers("127.0.0.1", entry.getKey(), 300))
                .map(entry -> entry.getKey() + " (" + entry.getValue() + ")")
                .toList();
        if (!taken.isEmpty()) {
            throw new IllegalStateException("another program listens on port " + String.join(", ", taken)
                    + "; stop it first (is Ishigaki already running from another directory?)");
        }
    }

    private String startKafka() {
        String external = env.get("ISHIGAKI_KAFKA_BOOTSTRAP");
        if (external != null && !external.isBlank()) {
            return progress.step("Kafka (external)", () -> external, bootstrap -> bootstrap);
        }
        Path dir = state.kafka();
        ChildProcess broker = progress.step("Kafka broker", () -> register(
                KafkaBroker.start(dir, state.log("kafka"), System.getProperty("java.class.path")),
                Duration.ofSeconds(30)), child -> KafkaBroker.bootstrapServers() + ", KRaft, pid " + child.pid());
        return KafkaBroker.bootstrapServers();
    }

    private Databases.Plan startDatabase() {
        Databases.Plan plan = progress.step("MariaDB", () -> Databases.prepare(env, state), Databases.Plan::description);
        plan.embedded().ifPresent(this::register);
        return plan;
    }

    /** Returns SMTP host and port for notification-service. */
    private String[] startMail() {
        String host = env.get("ISHIGAKI_SMTP_HOST");
        if (host != null && !host.isBlank()) {
            String port = env.getOrDefault("ISHIGAKI_SMTP_PORT", "25");
            progress.step("Mail (external SMTP)", () -> host + ":" + port, hostPort -> hostPort);
            return new String[] {host, port};
        }
        MailSink sink = progress.step("Mail sink", () -> {
            MailSink started = MailSink.start(SMTP_PORT);
            register("mail sink", started::close);
            MailArchive archive = MailArchive.start(started, state.mail());
            register("mail archive", archive::close);
            MailWebView view = MailWebView.start(MAIL_VIEW_PORT, state.mail());
            register("mail view", view::close);
            return started;
        }, started -> "SMTP 127.0.0.1:" + started.port() + ", web http://127.0.0.1:" + MAIL_VIEW_PORT);
        return new String[] {"127.0.0.1", Integer.toString(sink.port())};
    }

    private void startServices(String kafka, Databases.Plan db, String smtpHost, int smtpPort) {
        Map<QuarkusApp, Map<String, String>> apps = new LinkedHashMap<>();
        apps.put(QuarkusApp.ofModule(repository, QuarkusApp.DETECTION_STREAMS, DETECTION_PORT),
                ServiceEnvironment.detectionStreams(kafka, state.streams(), state.rules(),
                        state.secret("rules-api-token")));
        apps.put(QuarkusApp.ofModule(repository, QuarkusApp.NOTIFICATION_SERVICE, NOTIFICATION_PORT),
                ServiceEnvironment.notificationService(kafka, db.notification(), smtpHost, smtpPort));
        Map<String, String> incidentEnv = new HashMap<>(ServiceEnvironment.incidentService(kafka, db.incident()));
        // The embedded default starts with fictional sample contacts and assets (loaded into empty tables only),
        // so the first event already notifies someone; a real deployment loads the city's own.
        incidentEnv.put("ISHIGAKI_SAMPLE_DATA_ENABLED", "true");
        apps.put(QuarkusApp.ofModule(repository, QuarkusApp.INCIDENT_SERVICE, INCIDENT_PORT), incidentEnv);
        long start = System.nanoTime();
        Map<QuarkusApp, ChildProcess> children = new LinkedHashMap<>();
        for (Map.Entry<QuarkusApp, Map<String, String>> app : apps.entrySet()) {
            ChildProcess child = register(app.getKey().start(app.getValue(), jvmOptions(), repository,
                    state.log(app.getKey().name())), SERVICE_STOP_TIMEOUT);
            children.put(app.getKey(), child);
            services.add(child);
        }
        out.printf("  %-22s … starting %d services in parallel%n", "Services", children.size());
        for (Map.Entry<QuarkusApp, ChildProcess> entry : children.entrySet()) {
            entry.getValue().awaitHttpOk(entry.getKey().readyUrl(), READY_TIMEOUT);
            progress.line(entry.getKey().name(), "ready on " + entry.getKey().baseUrl() + ", pid "
                    + entry.getValue().pid(), start);
        }
    }

    private List<String> jvmOptions() {
        String options = env.getOrDefault("ISHIGAKI_SERVICE_JAVA_OPTS", "-Xmx512m -XX:+ExitOnOutOfMemoryError");
        return List.of(options.trim().split("\\s+"));
    }

    private void printReady(String kafka) {
        ChildProcess incident = services.stream().filter(s -> s.name().equals(QuarkusApp.INCIDENT_SERVICE))
                .findFirst().orElseThrow();
        out.println();
        out.println("Ishigaki is ready (" + progress.total() + ").");
        out.println("  Console and API   http://localhost:8080   (API under /api, OpenAPI at /q/openapi)");
        if (env.get("ISHIGAKI_SMTP_HOST") == null) {
            out.println("  Mail sink         http://localhost:" + MAIL_VIEW_PORT + "   (SMTP 127.0.0.1:" + SMTP_PORT
                    + "; messages kept in " + repository.relativize(state.mail()) + "/)");
        }
        out.println("  Kafka             " + kafka);
        out.println("  Log in as         admin");
        List<String> banner = AdminBanner.find(incident.output());
        if (env.get("ISHIGAKI_ADMIN_PASSWORD") != null) {
            out.println("                    password: the value of ISHIGAKI_ADMIN_PASSWORD");
        } else if (!banner.isEmpty()) {
            out.println("                    incident-service generated the admin password on its first start;");
            out.println("                    it is shown only this once — keep it:");
            banner.forEach(line -> out.println("                    │ " + line));
        } else {
            out.println("                    with the password incident-service printed on its first start (see "
                    + repository.relativize(incident.log()) + "),");
            out.println("                    (on a fresh database, ISHIGAKI_ADMIN_PASSWORD sets it instead)");
        }
        String now = java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(9))
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        out.println("  Push an event     echo '{\"@timestamp\":\"" + now + "\",\"event\":{\"id\":\"demo-"
                + System.currentTimeMillis() + "\",\"kind\":\"alert\",\"code\":\"1116\"},"
                + "\"observer\":{\"type\":\"av\"},\"host\":{\"name\":\"lg-pc-0412\"}}' \\");
        out.println("                      | kcat -P -b localhost:9092 -t security.events.raw");
        out.println("                    or: ./ishigaki kafka-console-producer --topic security.events.raw");
        out.println("  Simulate events   ./ishigaki simulate");
        out.println("Press Ctrl-C to stop.");
    }

    /** Reports services that die while the platform runs (their logs say why); the rest keeps running. */
    private void watch() {
        Set<String> reported = new HashSet<>();
        while (true) {
            for (ChildProcess service : services) {
                if (!service.isAlive() && !isStopping() && reported.add(service.name())) {
                    out.println("!! " + service.name() + " stopped unexpectedly; see "
                            + repository.relativize(service.log()));
                }
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private ChildProcess register(ChildProcess child, Duration stopTimeout) {
        register(child.name(), () -> child.stop(stopTimeout));
        return child;
    }

    private void register(MariaDb embedded) {
        register("embedded MariaDB", embedded::close);
    }

    private synchronized void register(String name, Runnable stop) {
        if (stopping) {
            stop.run();
            throw new IllegalStateException("stopping");
        }
        started.push(new Stoppable(name, stop));
    }

    private boolean isStopping() {
        return stopping;
    }

    private void exit(int code) {
        stopAll();
        Runtime.getRuntime().halt(code);
    }

    /** Stops everything started, newest first. */
    synchronized void stopAll() {
        if (stopping && started.isEmpty()) {
            return;
        }
        stopping = true;
        if (!started.isEmpty()) {
            out.println();
            out.println("Stopping Ishigaki …");
        }
        while (!started.isEmpty()) {
            Stoppable next = started.pop();
            long start = System.nanoTime();
            try {
                next.stop().run();
                out.printf("  stopped %-20s (%s)%n", next.name(), Progress.seconds(start));
            } catch (RuntimeException e) {
                out.printf("  could not stop %s cleanly: %s%n", next.name(), e.getMessage());
            }
        }
        try {
            Files.deleteIfExists(state.root().resolve("launcher.pid"));
        } catch (IOException e) {
            // left behind; the next start checks whether its process still runs
        }
    }
}
