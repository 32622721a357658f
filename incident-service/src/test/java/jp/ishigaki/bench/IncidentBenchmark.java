package jp.ishigaki.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Seeds MariaDB with incidents and timeline rows (default 1 M / 10 M, server-side with the SEQUENCE engine) into its
 * own database and prints p50/p95 of the queries the service runs: the queue (filters, sort by severity and due
 * time, page + total), the incident detail (row, tasks, timeline, clock) and the escalation scan. Not a test: run
 * {@code ./mvnw -o -pl incident-service -Pbench test-compile} (settings: -Dbench.incidents, -Dbench.db, -Dbench.url,
 * -Dbench.reseed=true).
 */
public final class IncidentBenchmark {

    private static final int ITERATIONS = Integer.getInteger("bench.iterations", 200);

    public static void main(String[] args) throws Exception {
        int incidents = Integer.getInteger("bench.incidents", 1_000_000);
        String db = System.getProperty("bench.db", "ishigaki_bench");
        String url = System.getProperty("bench.url", "jdbc:mariadb://127.0.0.1:3306/");
        String user = System.getProperty("bench.user", "root");
        String password = System.getProperty("bench.password", "");
        boolean reseed = Boolean.getBoolean("bench.reseed");
        try (Connection root = DriverManager.getConnection(url, user, password)) {
            boolean exists;
            try (ResultSet rs = root.getMetaData().getCatalogs()) {
                exists = false;
                while (rs.next()) {
                    exists |= db.equals(rs.getString(1));
                }
            }
            if (!exists || reseed) {
                exec(root, "DROP DATABASE IF EXISTS " + db);
                exec(root, "CREATE DATABASE " + db + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
                try (Connection c = DriverManager.getConnection(url + db, user, password)) {
                    schema(c);
                    seed(c, incidents);
                }
            }
        }
        try (Connection c = DriverManager.getConnection(url + db, user, password)) {
            report(c);
        }
    }

    private static void schema(Connection c) throws Exception {
        Path dir = Path.of("src/main/resources/db/migration");
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("V1_")).sorted().toList()) {
                String sql = Files.readString(f, StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
                for (String statement : sql.split(";")) {
                    if (!statement.isBlank()) {
                        exec(c, statement);
                    }
                }
            }
        }
    }

    private static void seed(Connection c, int n) throws SQLException {
        exec(c, "SET SESSION unique_checks = 0, foreign_key_checks = 0");
        long t0 = System.nanoTime();
        int chunk = 100_000;
        for (int from = 1; from <= n; from += chunk) {
            int to = Math.min(n, from + chunk - 1);
            exec(c, """
                    INSERT INTO incident (id, number, source, title, description, threat, threat_group, segment, severity,
                      severity_rank, state, dedup_key, open_dedup_key, detection_count, first_seen, last_seen, opened_at,
                      reported_by, department, affected_assets, ack_by, ack_at, ack_level, assignee, escalation_level,
                      personal_data, ransomware, closed_at, task_due_at, escalation_due_at, next_due_at, updated_at, version)
                    SELECT id, number, 'DETECTION', title, NULL, threat, LEFT(threat, 2), segment, severity,
                      FIELD(severity, 'info', 'low', 'medium', 'high', 'critical') - 1, state, dedup, IF(state IN ('CLOSED','DISMISSED'), NULL, dedup),
                      1 + s MOD 40, opened, opened, opened, 'system', ELT(1 + s MOD 8, '総務課','市民課','税務課','福祉課','教育委員会','情報政策課','上下水道課','消防本部'),
                      '[]', IF(s MOD 10 = 0, NULL, 'operator1'), IF(s MOD 10 = 0, NULL, opened + INTERVAL (60 + s MOD 3600) SECOND), 1,
                      IF(s MOD 3 = 0, NULL, ELT(1 + s MOD 5, 'tanaka','suzuki','sato','takahashi','ito')), 1,
                      '{}', FALSE, IF(state IN ('CLOSED','DISMISSED'), opened + INTERVAL (1 + s MOD 200) HOUR, NULL),
                      due, due, due, opened, 0
                    FROM (SELECT seq AS s,
                            CONCAT('bench-', LPAD(seq, 12, '0')) AS id,
                            CONCAT('INC-', 2000 + seq DIV 900000, '-', LPAD(seq MOD 900000, 6, '0')) AS number,
                            CONCAT(ELT(1 + seq MOD 6, 'ログオン失敗の連続', 'マルウェア検知', 'DDoS 通知', 'USB 書込み', 'UPS バッテリー運転', '震度5弱'), ' — host-', seq MOD 5000) AS title,
                            ELT(1 + seq MOD 24, 'T1-01','T1-02','T1-03','T1-04','T1-05','T1-06','T1-07','T2-01','T2-02','T2-03','T2-04','T2-05',
                                'T2-06','T2-07','T2-08','T2-09','T2-10','T3-01','T3-02','T3-03','T4-01','T5-01','T5-02','T5-03') AS threat,
                            ELT(1 + (seq DIV 7) MOD 5, 'mynumber','lgwan','internet','facility','unknown') AS segment,
                            ELT(1 + (seq * 7) MOD 10, 'low','low','low','medium','medium','medium','high','high','critical','low') AS severity,
                            IF(seq MOD 20 = 0, ELT(1 + (seq DIV 20) MOD 6, 'DETECTED','TRIAGE','CONTAINMENT','INVESTIGATION','RECOVERY','LESSONS'),
                               IF(seq MOD 10 = 1, 'DISMISSED', 'CLOSED')) AS state,
                            CONCAT('rule-', seq MOD 300, '|host-', seq) AS dedup,
                            NOW(6) - INTERVAL (seq MOD 730) DAY - INTERVAL (seq MOD 86400) SECOND AS opened,
                            IF(seq MOD 20 = 0 AND seq MOD 3 <> 0, NOW(6) + INTERVAL (CAST(seq MOD 2000 AS SIGNED) - 500) MINUTE, NULL) AS due
                          FROM seq_%d_to_%d) g
                    """.formatted(from, to));
            System.out.printf("incidents %,d / %,d (%.0f s)%n", to, n, (System.nanoTime() - t0) / 1e9);
        }
        for (int from = 1; from <= n; from += chunk) {
            int to = Math.min(n, from + chunk - 1);
            exec(c, """
                    INSERT INTO incident_timeline (incident_id, seq, at, actor, type, text, prev_hash, hash)
                    SELECT i.id, t.seq, i.opened_at + INTERVAL t.seq MINUTE, 'system', 'COMMENTED',
                           CONCAT('ベンチマーク用の記録 ', t.seq, ' / ', i.number), REPEAT('0', 64), SHA2(CONCAT(i.id, ':', t.seq), 256)
                    FROM incident i JOIN seq_1_to_10 t
                    WHERE i.id BETWEEN CONCAT('bench-', LPAD(%d, 12, '0')) AND CONCAT('bench-', LPAD(%d, 12, '0'))
                    """.formatted(from, to));
            System.out.printf("timeline rows %,d / %,d (%.0f s)%n", (long) to * 10, (long) n * 10, (System.nanoTime() - t0) / 1e9);
        }
        exec(c, """
                INSERT INTO escalation_clock (incident_id, due_at, level, kind, roles)
                SELECT id, next_due_at, 1, 'ESCALATE', 'manager' FROM incident
                WHERE is_open AND ack_at IS NULL AND next_due_at IS NOT NULL""");
        exec(c, "ANALYZE TABLE incident, incident_timeline, escalation_clock");
        System.out.printf("seeded in %.0f s%n", (System.nanoTime() - t0) / 1e9);
    }

    private static void report(Connection c) throws SQLException {
        long incidents = count(c, "SELECT COUNT(*) FROM incident");
        long timeline = count(c, "SELECT COUNT(*) FROM incident_timeline");
        long open = count(c, "SELECT COUNT(*) FROM incident WHERE is_open");
        long clocks = count(c, "SELECT COUNT(*) FROM escalation_clock");
        System.out.printf("data: %,d incidents (%,d open), %,d timeline rows, %,d escalation clocks; %d runs each%n",
                incidents, open, timeline, clocks, ITERATIONS);
        String cols = "SELECT id, number, title, state, severity, threat, threat_group, segment, assignee, ack_at, "
                + "escalation_level, detection_count, opened_at, last_seen, next_due_at FROM incident ";
        Random random = new Random(42);
        String[][] groups = {{"T1"}, {"T2"}, {"T3"}, {"T5"}};
        String[] segments = {"mynumber", "lgwan", "internet", "facility"};
        measure("queue: open, by severity then due, page 1 of 50 + total", () -> {
            page(c, cols + "WHERE is_open = 1 ORDER BY severity_rank DESC, due_sort, id LIMIT 50",
                    "SELECT COUNT(*) FROM incident WHERE is_open = 1");
        });
        measure("queue: open, severity high+critical, threat group, by due", () -> {
            String g = groups[random.nextInt(groups.length)][0];
            page(c, cols + "WHERE is_open = 1 AND severity_rank IN (3, 4) AND threat_group = '" + g
                            + "' ORDER BY due_sort, severity_rank DESC, id LIMIT 50",
                    "SELECT COUNT(*) FROM incident WHERE is_open = 1 AND severity_rank IN (3, 4) AND threat_group = '" + g + "'");
        });
        measure("queue: open, segment, unacknowledged, by severity", () -> {
            String s = segments[random.nextInt(segments.length)];
            page(c, cols + "WHERE is_open = 1 AND segment = '" + s + "' AND ack_at IS NULL "
                            + "ORDER BY severity_rank DESC, due_sort, id LIMIT 50",
                    "SELECT COUNT(*) FROM incident WHERE is_open = 1 AND segment = '" + s + "' AND ack_at IS NULL");
        });
        measure("queue: open, text search, by severity", () -> {
            String host = "host-" + random.nextInt(5000);
            page(c, cols + "WHERE is_open = 1 AND (title LIKE '%" + host + "%' OR number LIKE '%" + host + "%') "
                            + "ORDER BY severity_rank DESC, due_sort, id LIMIT 50",
                    "SELECT COUNT(*) FROM incident WHERE is_open = 1 AND (title LIKE '%" + host + "%' OR number LIKE '%" + host + "%')");
        });
        int max = (int) incidents;
        measure("detail: incident + tasks + timeline + clock", () -> {
            String id = "bench-" + String.format("%012d", 1 + random.nextInt(max));
            rows(c, "SELECT * FROM incident WHERE id = ?", id);
            rows(c, "SELECT * FROM incident_task WHERE incident_id = ? ORDER BY position", id);
            rows(c, "SELECT incident_id, seq, at, actor, type, text, prev_hash, hash FROM incident_timeline "
                    + "WHERE incident_id = ? ORDER BY seq", id);
            rows(c, "SELECT * FROM escalation_clock WHERE incident_id = ?", id);
        });
        measure("escalation scan: due clocks, 100, FOR UPDATE SKIP LOCKED", () -> {
            c.setAutoCommit(false);
            rows(c, "SELECT incident_id FROM escalation_clock WHERE due_at <= NOW(6) ORDER BY due_at LIMIT 100 "
                    + "FOR UPDATE SKIP LOCKED");
            c.rollback();
            c.setAutoCommit(true);
        });
    }

    interface Body {
        void run() throws SQLException;
    }

    private static void measure(String name, Body body) throws SQLException {
        for (int i = 0; i < 10; i++) {
            body.run();
        }
        long[] ns = new long[ITERATIONS];
        for (int i = 0; i < ITERATIONS; i++) {
            long t = System.nanoTime();
            body.run();
            ns[i] = System.nanoTime() - t;
        }
        Arrays.sort(ns);
        System.out.printf("%-62s p50 %7.2f ms   p95 %7.2f ms   max %7.2f ms%n", name, ns[ns.length / 2] / 1e6,
                ns[(int) Math.ceil(ns.length * 0.95) - 1] / 1e6, ns[ns.length - 1] / 1e6);
    }

    private static void page(Connection c, String pageSql, String countSql) throws SQLException {
        rows(c, pageSql);
        rows(c, countSql);
    }

    private static List<Object> rows(Connection c, String sql, Object... params) throws SQLException {
        List<Object> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= n; i++) {
                        out.add(rs.getObject(i));
                    }
                }
            }
        }
        return out;
    }

    private static long count(Connection c, String sql) throws SQLException {
        return ((Number) rows(c, sql).get(0)).longValue();
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private IncidentBenchmark() {
    }
}
