package jp.ishigaki.incident.adapter.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** Row of {@code incident_detection}; list columns hold JSON arrays (controls as comma-separated codes). */
@Entity
@Table(name = "incident_detection")
public class DetectionEntity extends PanacheEntityBase {

    @Id
    @Column(name = "detection_id")
    public String detectionId;
    @Column(name = "incident_id")
    public String incidentId;
    @Column(name = "rule_id")
    public String ruleId;
    @Column(name = "rule_title")
    public String ruleTitle;
    @Column(name = "rule_kind")
    public String ruleKind;
    @Column(name = "rule_level")
    public String ruleLevel;
    public String severity;
    public String threat;
    public String segment;
    public String host;
    @Column(name = "user_name")
    public String userName;
    @Column(name = "source_ip")
    public String sourceIp;
    @Column(name = "asset_id")
    public String assetId;
    @Column(name = "asset_name")
    public String assetName;
    public String summary;
    @Column(name = "hit_count")
    public long hitCount;
    @Column(name = "first_seen")
    public Instant firstSeen;
    @Column(name = "last_seen")
    public Instant lastSeen;
    public String controls;
    @Column(name = "severity_reasons")
    public String severityReasons;
    @Column(name = "attack_tags")
    public String attackTags;
    public String samples;
    @Column(name = "received_at")
    public Instant receivedAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
