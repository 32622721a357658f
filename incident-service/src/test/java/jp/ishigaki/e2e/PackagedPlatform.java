package jp.ishigaki.e2e;

import jp.ishigaki.platform.Ports;
import jp.ishigaki.platform.db.MariaDb;
import jp.ishigaki.platform.kafka.EmbeddedKafka;
import jp.ishigaki.platform.kafka.TopicAdmin;
import jp.ishigaki.platform.launcher.ChildProcess;
import jp.ishigaki.platform.launcher.DbAccount;
import jp.ishigaki.platform.launcher.QuarkusApp;
import jp.ishigaki.platform.launcher.ServiceEnvironment;
import jp.ishigaki.platform.mail.MailSink;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The three packaged services ({@code quarkus-run.jar}, paths from the failsafe system properties
 * {@code ishigaki.e2e.jar.<module>}) as separate processes, wired with the launcher's own classes to one embedded
 * Kafka broker, fresh MariaDB databases and an in-process SMTP sink.
 */
final class PackagedPlatform implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(240);
    private static final List<String> JVM_OPTIONS = List.of("-Xmx384m", "-XX:+ExitOnOutOfMemoryError");

    final String kafka;
    final MailSink mail;
    private final EmbeddedKafka broker;
    final String adminPassword;
    final QuarkusApp incident;
    final QuarkusApp notification;
    final QuarkusApp detection;
    private final MariaDb db;
    private final List<String> databases = new ArrayList<>();
    private final List<ChildProcess> children = new ArrayList<>();

    private PackagedPlatform() {
        String run = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        incident = app(QuarkusApp.INCIDENT_SERVICE);
        notification = app(QuarkusApp.NOTIFICATION_SERVICE);
        detection = app(QuarkusApp.DETECTION_STREAMS);
        adminPassword = randomPassword();
        db = MariaDb.forTests();
        // Our own broker, closed in close(): the JVM-wide shared one is stopped by a shutdown hook that races Kafka's
        // temporary-directory cleanup, and a broker whose log directory vanishes halts the JVM (failing the fork).
        broker = EmbeddedKafka.start();
        kafka = broker.bootstrapServers();
        mail = MailSink.start(Ports.free());
        Path work = Path.of("target", "e2e", run).toAbsolutePath();
        try {
            TopicAdmin.createAll(kafka);
            DbAccount incidentDb = database("ishigaki_e2e_" + run);
            DbAccount notificationDb = database("ishigaki_e2e_" + run + "_notify");

            Map<String, String> detectionEnv = new HashMap<>(ServiceEnvironment.detectionStreams(kafka,
                    Files.createDirectories(work.resolve("streams")), Files.createDirectories(work.resolve("rules")),
                    UUID.randomUUID().toString()));
            detectionEnv.put("QUARKUS_KAFKA_STREAMS_APPLICATION_ID", "ishigaki-detection-e2e-" + run);
            Map<String, String> notificationEnv = ServiceEnvironment.notificationService(kafka, notificationDb,
                    "127.0.0.1", mail.port());
            Map<String, String> incidentEnv = new HashMap<>(ServiceEnvironment.incidentService(kafka, incidentDb));
            incidentEnv.put("ISHIGAKI_ADMIN_PASSWORD", adminPassword);

            start(detection, detectionEnv, work);
            start(notification, notificationEnv, work);
            start(incident, incidentEnv, work);
            for (ChildProcess child : children) {
                QuarkusApp app = List.of(detection, notification, incident).stream()
                        .filter(a -> a.name().equals(child.name())).findFirst().orElseThrow();
                child.awaitHttpOk(app.readyUrl(), READY_TIMEOUT);
            }
        } catch (ChildProcess.ChildFailedException e) {
            close();
            throw new IllegalStateException(e.getMessage() + "\n--- " + e.child().log() + " ---\n"
                    + e.child().tail(60), e);
        } catch (Exception e) {
            close();
            throw new IllegalStateException("cannot start the packaged platform: " + e.getMessage(), e);
        }
    }

    static PackagedPlatform start() {
        return new PackagedPlatform();
    }

    private static QuarkusApp app(String module) {
        String jar = System.getProperty("ishigaki.e2e.jar." + module);
        if (jar == null) {
            throw new IllegalStateException("system property ishigaki.e2e.jar." + module + " is not set (run with failsafe)");
        }
        return new QuarkusApp(module, Path.of(jar), Ports.free());
    }

    private DbAccount database(String name) {
        db.createDatabase(name);
        databases.add(name);
        return new DbAccount(db.jdbcUrl(name), db.user(), db.password());
    }

    private void start(QuarkusApp app, Map<String, String> env, Path work) {
        children.add(app.start(env, JVM_OPTIONS, work, work.resolve("logs").resolve(app.name() + ".log")));
    }

    /** The services' logs, for a failure message. */
    String logTails() {
        StringBuilder out = new StringBuilder();
        for (ChildProcess child : children) {
            out.append("\n--- ").append(child.name()).append(" (").append(child.log()).append(") ---\n")
                    .append(child.tail(25));
        }
        return out.toString();
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public void close() {
        for (int i = children.size() - 1; i >= 0; i--) {
            children.get(i).stop(Duration.ofSeconds(20));
        }
        mail.close();
        databases.forEach(db::dropDatabase);
        broker.close();
    }
}
