package jp.ishigaki.schemas.topic;

import jp.ishigaki.schemas.asset.Asset;
import jp.ishigaki.schemas.detection.Detection;
import jp.ishigaki.schemas.event.ClassifiedEvent;
import jp.ishigaki.schemas.event.ClassifiedEventJson;
import jp.ishigaki.schemas.event.DeadLetter;
import jp.ishigaki.schemas.incident.IncidentEvent;
import jp.ishigaki.schemas.notification.NotificationDeadLetter;
import jp.ishigaki.schemas.notification.NotificationRequest;
import jp.ishigaki.schemas.notification.NotificationResult;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import java.time.Duration;
import java.util.List;

/** The topic registry (ARCHITECTURE.md "Data flow and topics"): the only place a topic name is spelt. */
public final class Topics {

    private static final Duration DAYS_7 = Duration.ofDays(7);
    private static final Duration DAYS_30 = Duration.ofDays(30);
    private static final Serde<String> KEY = Serdes.String();

    /** Raw ECS JSON documents, kept as bytes: validation decides what they are (see {@code RawEvents}). */
    public static final Topic<String, byte[]> EVENTS_RAW =
            new Topic<>("security.events.raw", KEY, Serdes.ByteArray(), false, DAYS_7, 6);
    public static final Topic<String, DeadLetter> EVENTS_DLQ =
            new Topic<>("security.events.dlq", KEY, new JsonSerde<>(DeadLetter.class), false, DAYS_30, 1);
    /** Written once per matched event by the detection topology: by hand, the mapper's bytes without databind. */
    public static final Topic<String, ClassifiedEvent> EVENTS_CLASSIFIED = new Topic<>("security.events.classified",
            KEY, new JsonSerde<>(ClassifiedEvent.class, ClassifiedEventJson::toBytes), false, DAYS_7, 6);
    public static final Topic<String, Detection> DETECTIONS =
            new Topic<>("security.detections", KEY, new JsonSerde<>(Detection.class), false, DAYS_30, 3);
    public static final Topic<String, Asset> ASSETS =
            new Topic<>("security.assets", KEY, new JsonSerde<>(Asset.class), true, null, 1);
    public static final Topic<String, IncidentEvent> INCIDENT_EVENTS =
            new Topic<>("incident.events", KEY, new JsonSerde<>(IncidentEvent.class), false, DAYS_30, 3);
    public static final Topic<String, NotificationRequest> NOTIFICATION_REQUESTS =
            new Topic<>("notification.requests", KEY, new JsonSerde<>(NotificationRequest.class), false, DAYS_7, 3);
    public static final Topic<String, NotificationResult> NOTIFICATION_RESULTS =
            new Topic<>("notification.results", KEY, new JsonSerde<>(NotificationResult.class), false, DAYS_7, 3);
    public static final Topic<String, NotificationDeadLetter> NOTIFICATION_DLQ =
            new Topic<>("notification.dlq", KEY, new JsonSerde<>(NotificationDeadLetter.class), false, DAYS_30, 1);

    private static final List<Topic<?, ?>> ALL = List.of(EVENTS_RAW, EVENTS_DLQ, EVENTS_CLASSIFIED, DETECTIONS, ASSETS,
            INCIDENT_EVENTS, NOTIFICATION_REQUESTS, NOTIFICATION_RESULTS, NOTIFICATION_DLQ);

    private Topics() {
    }

    public static List<Topic<?, ?>> all() {
        return ALL;
    }
}
