package jp.ishigaki.incident.domain;

import java.time.Instant;

/** 受領確認: who took the incident and when, at which escalation level. */
public record Acknowledgement(String by, Instant at, int level) {
}
