package jp.ishigaki.e2e;

import com.fasterxml.jackson.core.JsonProcessingException;
import jp.ishigaki.schemas.topic.Json;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Realistic raw events for {@code security.events.raw}, as an endpoint's log shipper would send them. */
final class EcsEvents {

    private EcsEvents() {
    }

    /**
     * Microsoft Defender Antivirus event 1119 (the remediation of a detected threat failed), which the built-in rule
     * {@code av-malware-action-failed} (threat T1-02, level high) matches.
     */
    static byte[] defenderRemediationFailed(String eventId, String host) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("@timestamp", OffsetDateTime.now(ZoneOffset.ofHours(9)).toString());
        event.put("event", Map.of("id", eventId, "kind", "alert", "code", "1119", "category", List.of("malware"),
                "provider", "Microsoft-Windows-Windows Defender", "dataset", "windows.defender"));
        event.put("observer", Map.of("type", "av", "vendor", "Microsoft", "product", "Microsoft Defender Antivirus"));
        event.put("host", Map.of("name", host, "ip", List.of("10.20.30.41")));
        event.put("user.name", "tanaka");
        event.put("winlog", Map.of("channel", "Microsoft-Windows-Windows Defender/Operational", "event_data", Map.of(
                "ThreatName", "Backdoor:Win32/Cobaltstrike", "ActionName", "Remove",
                "ErrorDescription", "Access is denied.", "Path", "file:_C:\\Users\\tanaka\\AppData\\Local\\Temp\\svc.exe")));
        event.put("message", "Microsoft Defender Antivirus がマルウェアの駆除に失敗しました");
        try {
            return Json.mapper().writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
