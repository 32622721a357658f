package jp.ishigaki.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jp.ishigaki.platform.db.MariaDb;

import java.util.Map;
import java.util.UUID;

/**
 * A real MariaDB for {@code @QuarkusTest}s: the server at 127.0.0.1:3306 when it answers (override with
 * {@code ISHIGAKI_TEST_DB_HOST/PORT/USER/PASSWORD}), otherwise an embedded one; a fresh database for each start,
 * dropped when the tests stop.
 */
public class MariaDbTestResource implements QuarkusTestResourceLifecycleManager {

    private static volatile String currentDatabase;
    private String database;

    /** The JDBC URL of the database of the running test application. */
    public static String jdbcUrl() {
        return MariaDb.forTests().jdbcUrl(currentDatabase);
    }

    /** A JDBC connection to the database of the running test application (for asserting and tampering). */
    public static java.sql.Connection connection() throws java.sql.SQLException {
        return MariaDb.forTests().open(currentDatabase);
    }

    @Override
    public Map<String, String> start() {
        MariaDb server = MariaDb.forTests();
        database = "ishigaki_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        server.createDatabase(database);
        currentDatabase = database;
        return Map.of(
                "quarkus.datasource.db-kind", "mariadb",
                "quarkus.datasource.jdbc.url", server.jdbcUrl(database),
                "quarkus.datasource.username", server.user(),
                "quarkus.datasource.password", server.password());
    }

    @Override
    public void stop() {
        if (database != null) {
            MariaDb.forTests().dropDatabase(database);
        }
    }
}
