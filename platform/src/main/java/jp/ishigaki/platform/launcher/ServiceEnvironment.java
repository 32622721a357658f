package jp.ishigaki.platform.launcher;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The environment variables each service reads its infrastructure settings from (see each module's
 * application.properties); the one place the launcher and the end-to-end test spell them.
 */
public final class ServiceEnvironment {

    private ServiceEnvironment() {
    }

    public static Map<String, String> incidentService(String kafkaBootstrap, DbAccount db) {
        Map<String, String> env = new HashMap<>();
        env.put("ISHIGAKI_KAFKA_BOOTSTRAP", kafkaBootstrap);
        env.put("ISHIGAKI_DB_URL", db.jdbcUrl());
        env.put("ISHIGAKI_DB_USER", db.user());
        env.put("ISHIGAKI_DB_PASSWORD", db.password());
        return env;
    }

    public static Map<String, String> notificationService(String kafkaBootstrap, DbAccount db, String smtpHost,
                                                          int smtpPort) {
        Map<String, String> env = new HashMap<>();
        env.put("ISHIGAKI_KAFKA_BOOTSTRAP", kafkaBootstrap);
        env.put("ISHIGAKI_NOTIFY_DB_URL", db.jdbcUrl());
        env.put("ISHIGAKI_NOTIFY_DB_USER", db.user());
        env.put("ISHIGAKI_NOTIFY_DB_PASSWORD", db.password());
        env.put("ISHIGAKI_SMTP_HOST", smtpHost);
        env.put("ISHIGAKI_SMTP_PORT", Integer.toString(smtpPort));
        return env;
    }

    /**
     * {@code stateDir} keeps Kafka Streams' local state stores (a restart need not rebuild them); {@code rulesDir} is
     * the operator's rule directory, rescanned while running; {@code rulesApiToken} guards {@code GET /api/rules}.
     */
    public static Map<String, String> detectionStreams(String kafkaBootstrap, Path stateDir, Path rulesDir,
            String rulesApiToken) {
        Map<String, String> env = new HashMap<>();
        env.put("ISHIGAKI_KAFKA_BOOTSTRAP", kafkaBootstrap);
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap);
        env.put("QUARKUS_KAFKA_STREAMS_BOOTSTRAP_SERVERS", kafkaBootstrap);
        env.put("KAFKA_STREAMS_STATE_DIR", stateDir.toAbsolutePath().toString());
        env.put("ISHIGAKI_RULES_DIR", rulesDir.toAbsolutePath().toString());
        env.put("ISHIGAKI_RULES_API_TOKEN", rulesApiToken);
        return env;
    }
}
