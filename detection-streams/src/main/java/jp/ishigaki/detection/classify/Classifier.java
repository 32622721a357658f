package jp.ishigaki.detection.classify;

import jp.ishigaki.detection.sigma.RuleIndex;
import jp.ishigaki.detection.sigma.RuleSet;
import jp.ishigaki.detection.sigma.SigmaRule;
import jp.ishigaki.schemas.asset.Asset;
import jp.ishigaki.schemas.event.ClassifiedEvent;
import jp.ishigaki.schemas.policy.Control;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Enriches a normalised event from the inventory and runs the rules on it. The primary threat is the one of the
 * highest-level matching rule (the first loaded on a tie); controls are the union over all matching rules.
 * Enrichment is visible to rules as {@code ishigaki.segment} and {@code ishigaki.asset.*}.
 */
public final class Classifier {

    private final SeverityPolicy severity;

    public Classifier(SeverityPolicy severity) {
        this.severity = severity;
    }

    public SeverityPolicy severityPolicy() {
        return severity;
    }

    public Classification classify(NormalisedEvent event, AssetIndex assets, RuleSet rules) {
        Map<String, Object> flat = event.flat();
        // Most events match no rule; they are enriched only when a rule that could match them reads the enrichment.
        RuleIndex candidates = rules.candidates(flat);
        Enrichment enrichment = candidates.readsEnrichment() ? enrich(flat, assets) : null;
        List<SigmaRule> matched = candidates.match(flat);
        if (matched.isEmpty()) {
            return new Classification.Discarded(Classification.Discarded.NO_RULE, null);
        }
        if (enrichment == null) {
            enrichment = enrich(flat, assets);
        }
        Asset asset = enrichment.asset();
        SigmaRule primary = null;
        List<Control> controls = new ArrayList<>();
        List<String> ruleIds = new ArrayList<>(matched.size());
        boolean legal = false;
        for (SigmaRule rule : matched) {
            if (rule.tags().discard()) {
                return new Classification.Discarded(Classification.Discarded.DISCARD_RULE, rule.id());
            }
            if (primary == null || rule.level().compareTo(primary.level()) > 0) {
                primary = rule;
            }
            for (Control control : rule.tags().controls()) {
                if (!controls.contains(control)) {
                    controls.add(control);
                }
            }
            legal |= rule.tags().legalTrigger();
            ruleIds.add(rule.id());
        }
        boolean serverRoom = severity.isServerRoom(asset, location(event));
        SeverityPolicy.Assessment assessment = severity.assess(primary.level(), primary.tags().threat(), legal,
                enrichment.segment(), asset, serverRoom);
        ClassifiedEvent classified = new ClassifiedEvent(event.eventId(), event.timestamp(), event.host(),
                primary.tags().threat(), controls, enrichment.segment(), assessment.severity(), assessment.reasons(),
                ruleIds, asset, event.document());
        return new Classification.Matched(classified, event, enrichment, matched, serverRoom);
    }

    /** The event's enrichment, also added to its flat map for the rules and the rule hits. */
    private static Enrichment enrich(Map<String, Object> flat, AssetIndex assets) {
        Enrichment enrichment = Enrichment.of(flat, assets);
        flat.put("ishigaki.segment", enrichment.segment().code());
        Asset asset = enrichment.asset();
        if (asset != null) {
            flat.put("ishigaki.asset.id", asset.id());
            putIfPresent(flat, "ishigaki.asset.name", asset.name());
            putIfPresent(flat, "ishigaki.asset.department", asset.department());
            putIfPresent(flat, "ishigaki.asset.confidentiality", asset.confidentiality());
            putIfPresent(flat, "ishigaki.asset.integrity", asset.integrity());
            putIfPresent(flat, "ishigaki.asset.availability", asset.availability());
        }
        return enrichment;
    }

    static String location(NormalisedEvent event) {
        String room = event.text("labels.room");
        return room != null ? room : event.text("labels.location");
    }

    private static void putIfPresent(Map<String, Object> flat, String key, String value) {
        if (value != null) {
            flat.put(key, value);
        }
    }
}
