package jp.ishigaki.detection.topology;

import io.quarkus.logging.Log;
import jp.ishigaki.detection.classify.SeverityPolicy;
import jp.ishigaki.detection.detect.CorrelationEntry;
import jp.ishigaki.detection.detect.DedupState;
import jp.ishigaki.detection.detect.Detections;
import jp.ishigaki.detection.detect.HitFactory;
import jp.ishigaki.detection.detect.RecentEvents;
import jp.ishigaki.detection.detect.RuleHit;
import jp.ishigaki.detection.sigma.CorrelationRule;
import jp.ishigaki.detection.sigma.Rule;
import jp.ishigaki.detection.sigma.RuleSet;
import jp.ishigaki.detection.sigma.SigmaRule;
import jp.ishigaki.schemas.detection.Detection;
import jp.ishigaki.schemas.policy.Control;
import jp.ishigaki.schemas.policy.Threat;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Dedup, flood control and correlation on named windowed stores.
 * <ul>
 * <li>{@code detection-dedup}: one {@link DedupState} per dedup key and suppression window (read through
 * {@link DedupWindows}, which keeps each key's newest window as an object). The first hit of a
 * window is published at once; later hits raise the count, and an update is published when a hit arrives at least
 * {@code updateInterval} (event time) after the last publication, and by a wall-clock punctuation every
 * {@code updateInterval} for any count not yet published — so the final count of a window is always published.</li>
 *  * <li>{@code correlation-hits}: the hits of each correlation group, fetched over the correlation's timespan.</li>
 * </ul>
 * Once a correlation has fired, further hits of its group within the suppression window are folded into that
 * detection without re-evaluating the window (a flood costs one store lookup per hit).
 */
final class DetectProcessor implements Processor<String, RuleHit, String, Detection> {

    static final String DEDUP_STORE = "detection-dedup";
    static final String CORRELATION_STORE = "correlation-hits";
    private static final int MAX_CHAIN_DEPTH = 4;

    private final Supplier<RuleSet> rules;
    private final SeverityPolicy policy;
    private final PipelineCounters counters;
    private final long windowMs;
    private final long updateMs;
    private ProcessorContext<String, Detection> context;
    private WindowStore<String, DedupState> dedup;
    private DedupWindows windows;
    private WindowStore<String, CorrelationEntry> correlations;
    /** The windows whose count is not yet published, as last written, oldest first. */
    private final Map<Window, DedupState> unpublished = new LinkedHashMap<>();
    /** Whether a punctuation looked at the whole store since {@link #init}: a restored store may hold such counts. */
    private boolean scanned;

    /** A suppression window: its dedup key and start. */
    private record Window(String key, long startMs) {
    }

    DetectProcessor(Supplier<RuleSet> rules, SeverityPolicy policy, PipelineCounters counters, TopologySettings settings) {
        this.rules = rules;
        this.policy = policy;
        this.counters = counters;
        this.windowMs = settings.suppressionWindow().toMillis();
        this.updateMs = settings.updateInterval().toMillis();
    }

    @Override
    public void init(ProcessorContext<String, Detection> context) {
        this.context = context;
        this.dedup = context.getStateStore(DEDUP_STORE);
        this.windows = new DedupWindows(dedup, windowMs);
        this.correlations = context.getStateStore(CORRELATION_STORE);
        unpublished.clear();
        scanned = false;
        context.schedule(Duration.ofMillis(updateMs), PunctuationType.WALL_CLOCK_TIME, now -> flushPending());
    }

    @Override
    public void process(Record<String, RuleHit> record) {
        RuleHit hit = record.value();
        counters.hitsProcessed(hit.events());
        try {
            RuleSet ruleSet = rules.get();
            if (hit.correlationId() == null) {
                if (ruleSet.byId(hit.ruleId()) instanceof SigmaRule rule) {
                    single(hit, rule);
                }
            } else if (ruleSet.byId(hit.correlationId()) instanceof CorrelationRule correlation) {
                correlate(hit, correlation, ruleSet, 0);
            }
        } catch (RuntimeException e) {
            counters.detectionFailed();
            Log.errorf(e, "rule hit %s of event %s could not be turned into a detection", hit.dedupKey(), hit.eventId());
        }
    }

    private void single(RuleHit hit, SigmaRule rule) {
        long ts = hit.timestamp().toEpochMilli();
        DedupState open = openWindow(hit.dedupKey(), ts);
        if (open != null) {
            fold(open, hit, ts);
            return;
        }
        Detections.RuleFacts facts = new Detections.RuleFacts(rule.id(), rule.title(), Detection.RuleKind.single,
                rule.level(), rule.tags().threat(), rule.tags().controls(), rule.tags().attackTags(),
                rule.tags().legalTrigger());
        Detection detection = Detections.open(hit.dedupKey(), hit.eventId(), facts, hit, policy, hit.events(),
                hit.firstSeen(), hit.eventIds(), rule.title() + " (" + entityText(hit.dedupKey()) + ")");
        publishNew(detection, ts, hit);
    }

    private void correlate(RuleHit hit, CorrelationRule correlation, RuleSet ruleSet, int depth) {
        long ts = hit.timestamp().toEpochMilli();
        boolean monotonic = correlation.threshold() == null || correlation.threshold().monotonic();
        DedupState open = monotonic ? openWindow(hit.dedupKey(), ts) : null;
        if (open != null) {
            fold(open, hit, ts);
            return;
        }
        correlations.put(hit.dedupKey(), new CorrelationEntry(hit.ruleId(), hit.eventId(), hit.value()), ts);
        long from = ts - correlation.timespan().toMillis() + 1;
        Evaluation evaluation = evaluate(correlation, ruleSet, hit.dedupKey(), from, ts);
        if (!evaluation.fired()) {
            return;
        }
        Threat threat = threatOf(correlation, ruleSet, 0);
        List<Control> controls = controlsOf(correlation, ruleSet);
        Detections.RuleFacts facts = new Detections.RuleFacts(correlation.id(), correlation.title(),
                Detection.RuleKind.correlation, correlation.level(), threat, controls, correlation.tags().attackTags(),
                correlation.tags().legalTrigger());
        String summary = correlation.title() + " (" + entityText(hit.dedupKey()) + ": " + evaluation.measure()
                + " within " + correlation.timespan().toMinutes() + " min)";
        Detection detection = Detections.open(hit.dedupKey(), hit.eventId(), facts, hit, policy, evaluation.events(),
                java.time.Instant.ofEpochMilli(evaluation.firstMs()), evaluation.eventIds(), summary);
        publishNew(detection, ts, hit);
        if (depth < MAX_CHAIN_DEPTH) {
            for (CorrelationRule outer : ruleSet.correlationsOf(correlation.id())) {
                String group = HitFactory.groupKey(outer.groupBy(), hit.groupFields());
                if (group != null) {
                    RuleHit chained = new RuleHit(outer.id() + "|" + group, group, correlation.id(), outer.id(),
                            hit.eventId(), hit.timestamp(), hit.host(), hit.user(), hit.sourceIp(), hit.segment(),
                            hit.asset(), hit.serverRoom(), hit.value(), hit.groupFields(), hit.sample(), null);
                    correlate(chained, outer, ruleSet, depth + 1);
                }
            }
        }
    }

    /** The measured value of a correlation window, and whether the condition holds. */
    private record Evaluation(boolean fired, long events, String measure, long firstMs, List<String> eventIds) {
    }

    private Evaluation evaluate(CorrelationRule correlation, RuleSet ruleSet, String key, long from, long to) {
        Set<String> eventIds = new LinkedHashSet<>();
        Set<String> values = new HashSet<>();
        List<String> ruleOrder = new ArrayList<>();
        long first = Long.MAX_VALUE;
        try (WindowStoreIterator<CorrelationEntry> it = correlations.fetch(key, from, to)) {
            while (it.hasNext()) {
                KeyValue<Long, CorrelationEntry> next = it.next();
                CorrelationEntry entry = next.value;
                if (eventIds.add(entry.eventId() + "\u0000" + entry.ruleId())) {
                    first = Math.min(first, next.key);
                    ruleOrder.add(entry.ruleId());
                    if (entry.value() != null) {
                        values.add(entry.value());
                    }
                }
            }
        }
        List<String> ids = new ArrayList<>();
        for (String pair : eventIds) {
            String id = pair.substring(0, pair.indexOf('\u0000'));
            if (ids.size() < Detections.MAX_EVENT_IDS && !ids.contains(id)) {
                ids.add(id);
            }
        }
        long events = eventIds.size();
        return switch (correlation.type()) {
            case EVENT_COUNT -> new Evaluation(correlation.threshold().test(events), events, events + " events", first, ids);
            case VALUE_COUNT -> new Evaluation(correlation.threshold().test(values.size()), events,
                    values.size() + " distinct " + correlation.valueField(), first, ids);
            case TEMPORAL -> new Evaluation(containsAll(ruleOrder, correlation, ruleSet), events,
                    correlation.rules().size() + " rules", first, ids);
            case TEMPORAL_ORDERED -> new Evaluation(inOrder(ruleOrder, correlation, ruleSet), events,
                    correlation.rules().size() + " rules in order", first, ids);
        };
    }

    private static boolean containsAll(List<String> seenRules, CorrelationRule correlation, RuleSet ruleSet) {
        for (String ref : correlation.rules()) {
            if (seenRules.stream().noneMatch(id -> refers(ruleSet, ref, id))) {
                return false;
            }
        }
        return true;
    }

    private static boolean inOrder(List<String> seenRules, CorrelationRule correlation, RuleSet ruleSet) {
        int position = 0;
        for (String ref : correlation.rules()) {
            while (position < seenRules.size() && !refers(ruleSet, ref, seenRules.get(position))) {
                position++;
            }
            if (position == seenRules.size()) {
                return false;
            }
            position++;
        }
        return true;
    }

    private static boolean refers(RuleSet ruleSet, String reference, String ruleId) {
        Rule rule = ruleSet.byId(ruleId);
        return rule != null ? ruleSet.refersTo(reference, rule) : reference.equals(ruleId);
    }

    private Threat threatOf(CorrelationRule correlation, RuleSet ruleSet, int depth) {
        if (correlation.tags().threat() != null || depth > MAX_CHAIN_DEPTH) {
            return correlation.tags().threat();
        }
        for (String ref : correlation.rules()) {
            for (SigmaRule rule : ruleSet.rules()) {
                if (ruleSet.refersTo(ref, rule)) {
                    return rule.tags().threat();
                }
            }
            for (CorrelationRule inner : ruleSet.correlations()) {
                if (ruleSet.refersTo(ref, inner)) {
                    return threatOf(inner, ruleSet, depth + 1);
                }
            }
        }
        return null;
    }

    private static List<Control> controlsOf(CorrelationRule correlation, RuleSet ruleSet) {
        if (!correlation.tags().controls().isEmpty()) {
            return correlation.tags().controls();
        }
        List<Control> controls = new ArrayList<>();
        for (String ref : correlation.rules()) {
            for (SigmaRule rule : ruleSet.rules()) {
                if (ruleSet.refersTo(ref, rule)) {
                    rule.tags().controls().stream().filter(c -> !controls.contains(c)).forEach(controls::add);
                }
            }
        }
        return controls;
    }

    /** The suppression window of this key that covers {@code ts}, if one is open. */
    private DedupState openWindow(String dedupKey, long ts) {
        return windows.open(dedupKey, ts, context.currentStreamTimeMs());
    }

    /** Counts the hit's events into their open window, except those the window already counted (replays). */
    private void fold(DedupState state, RuleHit hit, long ts) {
        RecentEvents events = hit.recent();
        long replayed = state.recent().countOf(events);
        if (replayed > 0) {
            counters.replaysIgnored(replayed);
        }
        if (replayed >= hit.events()) {
            return;
        }
        DedupState updated = state.folded(Detections.absorb(state.detection(), hit, hit.events() - replayed),
                state.recent().withAll(events));
        long at = Math.max(ts, hit.lastSeen().toEpochMilli());
        if (at - state.emittedAtMs() >= updateMs) {
            publish(updated.detection(), at);
            updated = updated.emitted(at);
        }
        Window window = new Window(hit.dedupKey(), state.windowStartMs());
        if (updated.dirty()) {
            unpublished.put(window, updated);
        } else {
            unpublished.remove(window);
        }
        windows.put(window.key(), updated, window.startMs());
    }

    private void publishNew(Detection detection, long ts, RuleHit hit) {
        publish(detection, ts);
        windows.put(detection.dedupKey(), new DedupState(detection, ts, detection.count(), ts, hit.recent()), ts);
    }

    private void publish(Detection detection, long ts) {
        context.forward(new Record<>(detection.dedupKey(), detection, ts));
        counters.detectionPublished();
    }

    /**
     * Publishes every count not yet published (each window's last count included): the first time after
     * {@link #init} those the whole store holds, then those written since, which this processor keeps track of
     * (reading the whole store, every detection's JSON parsed, was 2.8 % of the stream threads under load).
     */
    void flushPending() {
        Map<Window, DedupState> pending = scanned ? unpublished : storedUnpublished();
        scanned = true;
        pending.forEach((window, state) -> {
            long ts = state.detection().lastSeen().toEpochMilli();
            publish(state.detection(), ts);
            windows.put(window.key(), state.emitted(ts), window.startMs());
        });
        unpublished.clear();
    }

    private Map<Window, DedupState> storedUnpublished() {
        Map<Window, DedupState> pending = new LinkedHashMap<>();
        try (KeyValueIterator<Windowed<String>, DedupState> all = dedup.all()) {
            while (all.hasNext()) {
                KeyValue<Windowed<String>, DedupState> next = all.next();
                if (next.value != null && next.value.dirty()) {
                    pending.put(new Window(next.key.key(), next.key.window().start()), next.value);
                }
            }
        }
        return pending;
    }

    private static String entityText(String dedupKey) {
        int bar = dedupKey.indexOf('|');
        return bar < 0 ? dedupKey : dedupKey.substring(bar + 1);
    }
}
