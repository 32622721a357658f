package jp.ishigaki.bench;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import jp.ishigaki.escalation.EscalationClockRepository;
import jp.ishigaki.incident.adapter.persistence.IncidentQueries;
import jp.ishigaki.incident.adapter.persistence.IncidentQuery;
import jp.ishigaki.incident.adapter.rest.IncidentResource;
import jp.ishigaki.platform.testing.KafkaTestResource;
import jp.ishigaki.schemas.incident.IncidentState;
import jp.ishigaki.schemas.policy.Segment;
import jp.ishigaki.schemas.policy.Severity;
import jp.ishigaki.schemas.policy.ThreatGroup;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeds the benchmark database with incidents and timeline rows (default 1 M / 10 M, server-side INSERT … SELECT from
 * the SEQUENCE engine) and prints p50/p95 of the service's own code: the queue ({@link IncidentQueries#find}), the
 * detail endpoint ({@link IncidentResource#get} + its timeline) and the escalation scan
 * ({@link EscalationClockRepository#due}). Not part of the build: {@code ./mvnw -o -pl incident-service -Pbench test}.
 */
@QuarkusTest
@TestProfile(IncidentBenchmark.Profile.class)
class IncidentBenchmark {

    private static final int INCIDENTS = Integer.getInteger("bench.incidents", 1_000_000);
    private static final int TIMELINE_PER_INCIDENT = 10;
    private static final int ITERATIONS = Integer.getInteger("bench.iterations", 200);

    /** The service as deployed, minus its schedulers (they would fire the seeded clocks while we measure). */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.scheduler.enabled", "false", "ishigaki.sample-data.enabled", "false",
                    "quarkus.log.category.\"org.hibernate\".level", "WARN");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(KafkaTestResource.class), new TestResourceEntry(BenchDatabase.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @Inject
    IncidentQueries queries;
    @Inject
    IncidentResource resource;
    @Inject
    EscalationClockRepository clocks;

    private final List<String> report = new ArrayList<>();

    @Test
    @TestSecurity(user = "bench-auditor", roles = "auditor")
    void queueDetailAndEscalationScan() throws Exception {
        try (Connection c = BenchDatabase.open()) {
            long have = count(c, "SELECT COUNT(*) FROM incident");
            if (have != INCIDENTS || Boolean.getBoolean("bench.reseed")) {
                seed(c);
            } else {
                line("reusing the seeded database %s (-Dbench.reseed=true seeds again)".formatted(BenchDatabase.DB));
            }
            line("data: %,d incidents (%,d open), %,d timeline rows, %,d escalation clocks; %d runs each, load %s"
                    .formatted(count(c, "SELECT COUNT(*) FROM incident"),
                            count(c, "SELECT COUNT(*) FROM incident WHERE is_open"),
                            count(c, "SELECT COUNT(*) FROM incident_timeline"),
                            count(c, "SELECT COUNT(*) FROM escalation_clock"), ITERATIONS, load()));
        }
        Random random = new Random(42);
        Set<IncidentState> open = IncidentQueries.OPEN_STATES;
        ThreatGroup[] groups = {ThreatGroup.T1, ThreatGroup.T2, ThreatGroup.T3, ThreatGroup.T5};
        Segment[] segments = {Segment.MYNUMBER, Segment.LGWAN, Segment.INTERNET, Segment.FACILITY};
        String[] people = {"tanaka", "suzuki", "sato", "takahashi", "ito"};

        queue("queue: open, by severity then due (the default)", i -> query(open, Set.of(), Set.of(), Set.of(), null,
                null, null, IncidentQuery.Sort.SEVERITY, 0));
        queue("queue: open, by due then severity, page 3", i -> query(open, Set.of(), Set.of(), Set.of(), null, null,
                null, IncidentQuery.Sort.NEXT_DUE, 2));
        queue("queue: open, high+critical, one threat group, by due", i -> query(open,
                Set.of(Severity.HIGH, Severity.CRITICAL), Set.of(groups[random.nextInt(groups.length)]), Set.of(),
                null, null, null, IncidentQuery.Sort.NEXT_DUE, 0));
        queue("queue: open, one segment, unacknowledged, by severity", i -> query(open, Set.of(), Set.of(),
                Set.of(segments[random.nextInt(segments.length)]), null, false, null, IncidentQuery.Sort.SEVERITY, 0));
        queue("queue: open, one assignee, by severity", i -> query(open, Set.of(), Set.of(), Set.of(),
                people[random.nextInt(people.length)], null, null, IncidentQuery.Sort.SEVERITY, 0));
        queue("queue: open, free text (host name), by severity", i -> query(open, Set.of(), Set.of(), Set.of(), null,
                null, "host-" + random.nextInt(5000), IncidentQuery.Sort.SEVERITY, 0));
        queue("queue: open, free text (common word), by severity", i -> query(open, Set.of(), Set.of(), Set.of(),
                null, null, "ログオン失敗", IncidentQuery.Sort.SEVERITY, 0));
        queue("queue: open, free text (INC number), by severity", i -> query(open, Set.of(), Set.of(), Set.of(), null,
                null, "INC-2000-" + String.format("%06d", 20 * (1 + random.nextInt(44_999))),
                IncidentQuery.Sort.SEVERITY, 0));

        int openCount = INCIDENTS / 20;
        measure("detail: GET /api/incidents/{id} + its timeline (open incident)", () -> {
            String id = benchId(20L * (1 + random.nextInt(openCount)));
            QuarkusTransaction.requiringNew().run(() -> {
                assertThat(resource.get(id).id()).isEqualTo(id);
                assertThat(resource.timeline(id)).hasSizeGreaterThanOrEqualTo(TIMELINE_PER_INCIDENT);
            });
        });
        measure("detail: GET /api/incidents/{id} + its timeline (any incident)", () -> {
            String id = benchId(1 + random.nextInt(INCIDENTS));
            QuarkusTransaction.requiringNew().run(() -> {
                assertThat(resource.get(id).id()).isEqualTo(id);
                assertThat(resource.timeline(id)).hasSizeGreaterThanOrEqualTo(TIMELINE_PER_INCIDENT);
            });
        });
        int[] scanned = new int[1];
        measure("escalation scan: due clocks, batch of 100, FOR UPDATE SKIP LOCKED", () -> {
            QuarkusTransaction.begin();
            try {
                scanned[0] = clocks.due(Instant.now(), 100).size();
            } finally {
                QuarkusTransaction.rollback();
            }
        });
        assertThat(scanned[0]).isEqualTo(100);
        Path out = Path.of("target", "incident-benchmark.txt");
        Files.write(out, report);
        System.out.println("written to " + out.toAbsolutePath());
    }

    private static IncidentQuery query(Set<IncidentState> states, Set<Severity> severities, Set<ThreatGroup> groups,
                                       Set<Segment> segments, String assignee, Boolean acknowledged, String text,
                                       IncidentQuery.Sort sort, int page) {
        return new IncidentQuery(states, severities, Set.of(), groups, segments, assignee, acknowledged, text, sort,
                page, 50);
    }

    private void queue(String name, IntFunction<IncidentQuery> next) throws Exception {
        long[] rows = new long[2];
        long[] times = time(() -> {
            IncidentQuery q = next.apply(0);
            IncidentQueries.Result r = QuarkusTransaction.requiringNew().call(() -> queries.find(q));
            rows[0] += r.rows().size();
            rows[1] += r.total();
        });
        line(name, times, "   (avg %.0f rows, total %,.0f)".formatted(rows[0] / (ITERATIONS + 10.0),
                rows[1] / (ITERATIONS + 10.0)));
    }

    interface Body {
        void run() throws Exception;
    }

    private void measure(String name, Body body) throws Exception {
        line(name, time(body), "");
    }

    private static long[] time(Body body) throws Exception {
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
        return ns;
    }

    private void line(String name, long[] ns, String suffix) {
        line("%-66s p50 %7.2f ms   p95 %7.2f ms   max %7.2f ms%s".formatted(name, ns[ns.length / 2] / 1e6,
                ns[(int) Math.ceil(ns.length * 0.95) - 1] / 1e6, ns[ns.length - 1] / 1e6, suffix));
    }

    private void line(String s) {
        report.add(s);
        System.out.println(s);
    }

    private static String benchId(long n) {
        return "bench-" + String.format("%012d", n);
    }

    private void seed(Connection c) throws SQLException {
        long t0 = System.nanoTime();
        exec(c, "SET SESSION unique_checks = 0, foreign_key_checks = 0");
        for (String table : List.of("incident_timeline", "escalation_clock", "incident_task", "incident")) {
            exec(c, "TRUNCATE TABLE " + table);
        }
        int chunk = 50_000;
        for (int from = 1; from <= INCIDENTS; from += chunk) {
            int to = Math.min(INCIDENTS, from + chunk - 1);
            exec(c, """
                    INSERT INTO incident (id, number, source, title, description, threat, threat_group, segment, severity,
                      severity_rank, state, dedup_key, open_dedup_key, detection_count, first_seen, last_seen, opened_at,
                      reported_by, department, affected_assets, ack_by, ack_at, ack_level, assignee, escalation_level,
                      personal_data, ransomware, closed_at, task_due_at, escalation_due_at, next_due_at, updated_at, version)
                    SELECT id, number, 'DETECTION', title, NULL, threat, LEFT(threat, 2), segment, severity,
                      FIELD(severity, 'info', 'low', 'medium', 'high', 'critical') - 1, state, dedup,
                      IF(state IN ('CLOSED','DISMISSED'), NULL, dedup), 1 + s MOD 40, opened, opened, opened, 'system',
                      ELT(1 + s MOD 8, '総務課','市民課','税務課','福祉課','教育委員会','情報政策課','上下水道課','消防本部'),
                      '[]', IF(acked, 'operator1', NULL), IF(acked, opened + INTERVAL (60 + s MOD 3600) SECOND, NULL),
                      IF(acked, 1, NULL), IF((s DIV 20) MOD 3 = 0, NULL, ELT(1 + (s DIV 20) MOD 5, 'tanaka','suzuki','sato','takahashi','ito')),
                      1, NULL, FALSE, IF(state IN ('CLOSED','DISMISSED'), opened + INTERVAL (1 + s MOD 200) HOUR, NULL),
                      NULL, IF(acked, NULL, due), IF(acked, NULL, due), opened, 0
                    FROM (SELECT seq AS s,
                            CONCAT('bench-', LPAD(seq, 12, '0')) AS id,
                            CONCAT('INC-', 2000 + seq DIV 900000, '-', LPAD(seq MOD 900000, 6, '0')) AS number,
                            CONCAT(ELT(1 + seq MOD 6, 'ログオン失敗の連続', 'マルウェア検知', 'DDoS 通知', 'USB 書込み',
                                   'UPS バッテリー運転', '震度5弱'), ' — host-', (seq DIV 20) MOD 5000) AS title,
                            ELT(1 + (seq DIV 20 + seq) MOD 24, 'T1-01','T1-02','T1-03','T1-04','T1-05','T1-06','T1-07','T2-01','T2-02',
                                'T2-03','T2-04','T2-05','T2-06','T2-07','T2-08','T2-09','T2-10','T3-01','T3-02','T3-03',
                                'T4-01','T5-01','T5-02','T5-03') AS threat,
                            ELT(1 + (seq DIV 7) MOD 5, 'mynumber','lgwan','internet','facility','unknown') AS segment,
                            ELT(1 + (seq DIV 20 * 7) MOD 10, 'low','low','low','medium','medium','medium','high','high',
                                'critical','low') AS severity,
                            IF(seq MOD 20 = 0, ELT(1 + (seq DIV 20) MOD 6, 'DETECTED','TRIAGE','CONTAINMENT',
                               'INVESTIGATION','RECOVERY','LESSONS'), IF(seq MOD 10 = 1, 'DISMISSED', 'CLOSED')) AS state,
                            seq MOD 20 <> 0 OR (seq DIV 20) MOD 3 = 0 AS acked,
                            CONCAT('rule-', seq MOD 300, '|host-', seq) AS dedup,
                            NOW(6) - INTERVAL (seq MOD 730) DAY - INTERVAL (seq MOD 86400) SECOND AS opened,
                            IF(seq MOD 20 = 0 AND seq MOD 7 <> 0,
                               NOW(6) + INTERVAL (CAST(seq MOD 2000 AS SIGNED) - 500) MINUTE, NULL) AS due
                          FROM seq_%d_to_%d) g
                    """.formatted(from, to));
            if (to % 200_000 == 0 || to == INCIDENTS) {
                System.out.printf("incidents %,d / %,d (%.0f s)%n", to, INCIDENTS, (System.nanoTime() - t0) / 1e9);
            }
        }
        exec(c, """
                INSERT INTO incident_task (incident_id, code, kind, title, phase, mandatory, responsible_role, due_at,
                  status, position)
                SELECT i.id, t.code, t.kind, t.title, t.phase, t.mandatory, t.role, t.due, 'OPEN', t.pos
                FROM incident i JOIN (
                  SELECT 'contain' AS code, 'ACTION' AS kind, '被害拡大防止（ネットワーク隔離）' AS title,
                         'CONTAINMENT' AS phase, TRUE AS mandatory, 'operator' AS role, NULL AS due, 1 AS pos
                  UNION ALL SELECT 'police', 'REPORTING', '警察（サイバー犯罪相談窓口）への相談', 'INVESTIGATION', FALSE,
                         'supervisor', NULL, 2
                  UNION ALL SELECT 'ppc-preliminary', 'REPORTING', '個人情報保護委員会への速報', 'INVESTIGATION', TRUE,
                         'supervisor', NOW(6) + INTERVAL 3 DAY, 3) t
                WHERE i.is_open""");
        for (int from = 1; from <= INCIDENTS; from += chunk) {
            int to = Math.min(INCIDENTS, from + chunk - 1);
            exec(c, """
                    INSERT INTO incident_timeline (incident_id, seq, at, actor, type, text, prev_hash, hash)
                    SELECT i.id, t.seq, i.opened_at + INTERVAL t.seq MINUTE, 'system', 'COMMENTED',
                           CONCAT('ベンチマーク用の記録 ', t.seq, ' / ', i.number), REPEAT('0', 64),
                           SHA2(CONCAT(i.id, ':', t.seq), 256)
                    FROM incident i JOIN seq_1_to_%d t
                    WHERE i.id BETWEEN '%s' AND '%s'
                    """.formatted(TIMELINE_PER_INCIDENT, benchId(from), benchId(to)));
            if (to % 200_000 == 0 || to == INCIDENTS) {
                System.out.printf("timeline rows %,d / %,d (%.0f s)%n", (long) to * TIMELINE_PER_INCIDENT,
                        (long) INCIDENTS * TIMELINE_PER_INCIDENT, (System.nanoTime() - t0) / 1e9);
            }
        }
        exec(c, """
                INSERT INTO escalation_clock (incident_id, due_at, level, kind, roles)
                SELECT id, next_due_at, 1, 'ESCALATE', 'manager' FROM incident
                WHERE is_open AND ack_at IS NULL AND next_due_at IS NOT NULL""");
        exec(c, "ANALYZE TABLE incident, incident_task, incident_timeline, escalation_clock");
        line("seeded %,d incidents and %,d timeline rows in %.0f s".formatted(INCIDENTS,
                (long) INCIDENTS * TIMELINE_PER_INCIDENT, (System.nanoTime() - t0) / 1e9));
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "?";
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
