package jp.ishigaki.bench;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * The benchmark's own MariaDB database ({@code -Dbench.db}, default ishigaki_bench): created when missing, dropped
 * when the benchmark ends unless {@code -Dbench.keep=true}, so a kept, seeded database is reused by the next run.
 */
public class BenchDatabase implements QuarkusTestResourceLifecycleManager {

    static final String SERVER = System.getProperty("bench.url", "jdbc:mariadb://127.0.0.1:3306/");
    static final String USER = System.getProperty("bench.user", "root");
    static final String PASSWORD = System.getProperty("bench.password", "");
    static final String DB = System.getProperty("bench.db", "ishigaki_bench");

    @Override
    public Map<String, String> start() {
        if (!DB.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("bench.db must be a plain identifier: " + DB);
        }
        exec("CREATE DATABASE IF NOT EXISTS " + DB + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        return Map.of(
                "quarkus.datasource.db-kind", "mariadb",
                "quarkus.datasource.jdbc.url", SERVER + DB,
                "quarkus.datasource.username", USER,
                "quarkus.datasource.password", PASSWORD);
    }

    @Override
    public void stop() {
        if (!Boolean.getBoolean("bench.keep")) {
            exec("DROP DATABASE IF EXISTS " + DB);
        }
    }

    static Connection open() throws SQLException {
        return DriverManager.getConnection(SERVER + DB + "?allowLocalInfile=true", USER, PASSWORD);
    }

    private static void exec(String sql) {
        try (Connection c = DriverManager.getConnection(SERVER, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
