package jp.ishigaki.incident.application;

import jp.ishigaki.incident.domain.DetectionRecord;

import java.util.List;
import java.util.Optional;

/** Port: the detections kept per incident ({@code incident_detection}). */
public interface DetectionRecords {

    /** The stored record, row-locked until the transaction ends. */
    Optional<DetectionRecord> lock(String detectionId);

    /** Inserts or replaces the record of its detection id. */
    void save(DetectionRecord record);

    /** The incident a detection id was taken into ({@code processed_detection}). */
    Optional<String> incidentOf(String detectionId);

    /** The detections of an incident, first seen first. */
    List<DetectionRecord> forIncident(String incidentId);
}
