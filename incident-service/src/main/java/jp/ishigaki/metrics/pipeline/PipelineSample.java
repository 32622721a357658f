package jp.ishigaki.metrics.pipeline;

import java.time.Instant;
import java.util.Map;

/** The end offsets (summed over partitions) of the sampled topics at one instant; a missing topic is absent. */
public record PipelineSample(Instant at, Map<String, Long> endOffsets) {

    public PipelineSample {
        endOffsets = Map.copyOf(endOffsets);
    }

    /** Records added to a topic between an earlier sample and this one (0 if it was missing or recreated). */
    long since(PipelineSample earlier, String topic) {
        Long now = endOffsets.get(topic);
        Long then = earlier.endOffsets.get(topic);
        return now == null || then == null ? 0 : Math.max(0, now - then);
    }
}
