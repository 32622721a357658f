package jp.ishigaki.platform.launcher;

import jp.ishigaki.platform.Ports;
import jp.ishigaki.platform.db.MariaDb;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses the MariaDB server of the platform — {@code ISHIGAKI_DB_URL} when set, else the local server at
 * 127.0.0.1:3306 (root, empty password) when it answers and {@code ISHIGAKI_DB_EMBEDDED} is not {@code true}, else
 * an embedded server with its data kept under {@code .ishigaki/mariadb} — and prepares the two databases with one least-privilege account per service.
 */
public final class Databases {

    public static final String INCIDENT_DATABASE = "ishigaki";
    public static final String NOTIFICATION_DATABASE = "ishigaki_notification";

    /** The outcome: the accounts of both services, a description for the terminal, and the embedded server if any. */
    public record Plan(DbAccount incident, DbAccount notification, String description, Optional<MariaDb> embedded) {
    }

    private Databases() {
    }

    public static Plan prepare(Map<String, String> env, StateDir state) {
        String url = env.get("ISHIGAKI_DB_URL");
        if (url != null && !url.isBlank()) {
            return external(url, env, state);
        }
        boolean embeddedOnly = Boolean.parseBoolean(env.getOrDefault("ISHIGAKI_DB_EMBEDDED", "false"));
        Optional<MariaDb> local = embeddedOnly ? Optional.empty() : MariaDb.connect("127.0.0.1", 3306, "root", "");
        if (local.isPresent()) {
            return provision(local.get(), state, "local MariaDB at 127.0.0.1:3306", Optional.empty());
        }
        int port = 3306;
        while (Ports.answers("127.0.0.1", port, 200)) {
            port++;
        }
        MariaDb embedded = MariaDb.startEmbeddedSecured(state.mariadb(), port, "ishigaki_admin",
                state.secret("db-admin.password"));
        try {
            return provision(embedded, state, "embedded MariaDB at 127.0.0.1:" + port + " (data in "
                    + state.root().relativize(state.mariadb()) + ")", Optional.of(embedded));
        } catch (RuntimeException e) {
            embedded.close();
            throw e;
        }
    }

    /**
     * Drops the platform's two databases on the server {@link #prepare} would use (an embedded server's data goes with
     * {@code .ishigaki/}); returns what was done, for the terminal.
     */
    public static String reset(Map<String, String> env) {
        String url = env.get("ISHIGAKI_DB_URL");
        Optional<MariaDb> server;
        if (url != null && !url.isBlank()) {
            URI address = MariaDb.parse(url);
            String adminUser = env.get("ISHIGAKI_DB_ADMIN_USER");
            if (adminUser == null || adminUser.isBlank()) {
                return "MariaDB at " + address.getHost() + ": left as it is (no ISHIGAKI_DB_ADMIN_USER)";
            }
            server = MariaDb.connect(address.getHost(), port(address), adminUser,
                    env.getOrDefault("ISHIGAKI_DB_ADMIN_PASSWORD", ""));
        } else if (Boolean.parseBoolean(env.getOrDefault("ISHIGAKI_DB_EMBEDDED", "false"))) {
            server = Optional.empty();
        } else {
            server = MariaDb.connect("127.0.0.1", 3306, "root", "");
        }
        if (server.isEmpty()) {
            return "embedded MariaDB: its data is removed with .ishigaki/";
        }
        server.get().dropDatabase(INCIDENT_DATABASE);
        server.get().dropDatabase(NOTIFICATION_DATABASE);
        return "MariaDB at " + server.get().host() + ":" + server.get().port() + ": dropped databases "
                + INCIDENT_DATABASE + " and " + NOTIFICATION_DATABASE;
    }

    private static Plan external(String url, Map<String, String> env, StateDir state) {
        URI server = MariaDb.parse(url);
        String adminUser = env.get("ISHIGAKI_DB_ADMIN_USER");
        if (adminUser == null || adminUser.isBlank()) {
            // No admin account: the operator created the databases and accounts; pass their settings through.
            String notifyUrl = env.getOrDefault("ISHIGAKI_NOTIFY_DB_URL",
                    "jdbc:mariadb://" + server.getHost() + ":" + port(server) + "/" + NOTIFICATION_DATABASE);
            return new Plan(
                    new DbAccount(url, env.getOrDefault("ISHIGAKI_DB_USER", INCIDENT_DATABASE),
                            env.getOrDefault("ISHIGAKI_DB_PASSWORD", "")),
                    new DbAccount(notifyUrl, env.getOrDefault("ISHIGAKI_NOTIFY_DB_USER", NOTIFICATION_DATABASE),
                            env.getOrDefault("ISHIGAKI_NOTIFY_DB_PASSWORD", "")),
                    "MariaDB at " + server.getHost() + ":" + port(server) + " (databases and accounts as configured)",
                    Optional.empty());
        }
        MariaDb admin = MariaDb.connect(server.getHost(), port(server), adminUser,
                        env.getOrDefault("ISHIGAKI_DB_ADMIN_PASSWORD", ""))
                .orElseThrow(() -> new IllegalStateException("MariaDB at " + server.getHost() + ":" + port(server)
                        + " does not answer or refuses ISHIGAKI_DB_ADMIN_USER " + adminUser));
        return provision(admin, state, "MariaDB at " + server.getHost() + ":" + port(server), Optional.empty());
    }

    private static int port(URI server) {
        return server.getPort() < 0 ? 3306 : server.getPort();
    }

    private static Plan provision(MariaDb server, StateDir state, String description, Optional<MariaDb> embedded) {
        return new Plan(account(server, state, INCIDENT_DATABASE), account(server, state, NOTIFICATION_DATABASE),
                description, embedded);
    }

    /** Creates the database and an account of the same name that may use only it; the password is kept in secrets. */
    private static DbAccount account(MariaDb server, StateDir state, String database) {
        server.createDatabase(database);
        String password = state.secret("db-" + database + ".password");
        server.grantOwnDatabase(database, database, password);
        return new DbAccount(server.jdbcUrl(database), database, password);
    }
}
