package jp.ishigaki.testing;

import jp.ishigaki.platform.testing.KafkaRecords;
import jp.ishigaki.platform.testing.KafkaTestResource;
import jp.ishigaki.platform.testing.MariaDbTestResource;
import jp.ishigaki.schemas.notification.NotificationKind;
import jp.ishigaki.schemas.notification.NotificationRequest;
import jp.ishigaki.schemas.topic.Topics;
import jp.ishigaki.user.domain.Role;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Manual reports through the API, and reads of MariaDB and Kafka, for the incident @QuarkusTests. */
public final class Fixtures {

    private Fixtures() {
    }

    /** Reports an incident by hand as an operator; returns its id. */
    public static String report(String severity, String threat, String segment) {
        return report(Map.of("title", "テスト事案 " + threat + " " + severity, "threat", threat, "severity", severity,
                "segment", segment, "department", "総務課"));
    }

    public static String report(Map<String, Object> body) {
        Contacts.ensure();
        return Api.as(Role.OPERATOR).body(body).post("/api/incidents").then().statusCode(201).extract().path("id");
    }

    /** One value from MariaDB (first column of the first row), or null. */
    public static Object scalar(String sql, Object... params) throws Exception {
        try (Connection c = MariaDbTestResource.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getObject(1) : null;
            }
        }
    }

    public static long count(String sql, Object... params) throws Exception {
        Object v = scalar(sql, params);
        return v == null ? 0 : ((Number) v).longValue();
    }

    /** The notification requests of an incident published so far (waits until at least {@code atLeast} of a kind). */
    public static List<NotificationRequest> notices(String incidentId, NotificationKind kind, int atLeast,
                                                    Duration timeout) {
        List<NotificationRequest> seen = new ArrayList<>();
        KafkaRecords.await(KafkaTestResource.bootstrapServers(), Topics.NOTIFICATION_REQUESTS,
                (ConsumerRecord<String, NotificationRequest> r) -> {
                    if (incidentId.equals(r.key()) && r.value().kind() == kind) {
                        seen.add(r.value());
                    }
                    return seen.size() >= atLeast;
                }, timeout);
        return seen;
    }
}
