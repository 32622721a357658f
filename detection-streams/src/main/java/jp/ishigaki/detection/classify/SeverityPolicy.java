package jp.ishigaki.detection.classify;

import jp.ishigaki.schemas.asset.Asset;
import jp.ishigaki.schemas.policy.Segment;
import jp.ishigaki.schemas.policy.Severity;
import jp.ishigaki.schemas.policy.Threat;
import jp.ishigaki.schemas.policy.ThreatGroup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * DOMAIN.md §4: the rule gives the base level; the platform raises it, never lowers it, and records each raise.
 * Disasters (T3) and infrastructure outages (T5) count as "disaster or infrastructure threats"; a server room or
 * data centre is recognised by the asset's name or the event's {@code labels.room} / {@code labels.location}.
 */
public final class SeverityPolicy {

    /** Default words naming a server room or data centre (Japanese and English). */
    public static final String DEFAULT_SERVER_ROOM_PATTERN =
            "サーバ室|サーバー室|電算室|マシン室|データセンタ|server[ -]?room|data[ -]?cent(er|re)";

    /** Beyond this many distinct names the memo starts again. */
    private static final int MAX_REMEMBERED = 4_096;

    private final Pattern serverRoom;
    /** Asset names and event locations are few and repeat on every event: each is matched once. */
    private final Map<String, Boolean> verdicts = new ConcurrentHashMap<>();

    public SeverityPolicy(String serverRoomPattern) {
        this.serverRoom = Pattern.compile(serverRoomPattern, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    public static SeverityPolicy defaults() {
        return new SeverityPolicy(DEFAULT_SERVER_ROOM_PATTERN);
    }

    /** The outcome: the final level and the reasons, one per raise. */
    public record Assessment(Severity severity, List<String> reasons) {
        public Assessment {
            reasons = List.copyOf(reasons);
        }
    }

    /** True when the asset or the event's location names a server room or data centre. */
    public boolean isServerRoom(Asset asset, String eventLocation) {
        return (asset != null && asset.name() != null && namesServerRoom(asset.name()))
                || (eventLocation != null && namesServerRoom(eventLocation));
    }

    private boolean namesServerRoom(String text) {
        Boolean verdict = verdicts.get(text);
        if (verdict == null) {
            verdict = serverRoom.matcher(text).find();
            if (verdicts.size() >= MAX_REMEMBERED) {
                verdicts.clear();
            }
            verdicts.put(text, verdict);
        }
        return verdict;
    }

    public Assessment assess(Severity base, Threat threat, boolean legalTrigger, Segment segment, Asset asset,
            boolean serverRoom) {
        Severity level = base;
        List<String> reasons = new ArrayList<>();
        if (segment == Segment.MYNUMBER && !level.isAtLeast(Severity.HIGH)) {
            reasons.add("segment mynumber → at least high (was " + level.code() + ")");
            level = Severity.HIGH;
        }
        if (asset != null && asset.isHighlyClassified() && level != Severity.CRITICAL) {
            Severity raised = level.oneStepUp();
            reasons.add("asset " + asset.id() + " classified " + classification(asset) + " → one step up ("
                    + level.code() + " → " + raised.code() + ")");
            level = raised;
        }
        if (legalTrigger && !level.isAtLeast(Severity.HIGH)) {
            reasons.add("possible legal reporting trigger → at least high (was " + level.code() + ")");
            level = Severity.HIGH;
        }
        if (threat != null && serverRoom && level != Severity.CRITICAL
                && (threat.group() == ThreatGroup.T3 || threat.group() == ThreatGroup.T5)) {
            reasons.add(threat.code() + " " + threat.en().toLowerCase() + " hits a server room / data centre → critical (was "
                    + level.code() + ")");
            level = Severity.CRITICAL;
        }
        return new Assessment(level, reasons);
    }

    private static String classification(Asset asset) {
        return "C" + asset.confidentiality() + "/I" + asset.integrity() + "/A" + asset.availability();
    }
}
