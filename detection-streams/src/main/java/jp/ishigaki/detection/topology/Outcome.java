package jp.ishigaki.detection.topology;

import jp.ishigaki.detection.detect.RuleHit;
import jp.ishigaki.schemas.event.ClassifiedEvent;
import jp.ishigaki.schemas.event.DeadLetter;

import java.util.List;

/** The result of the first step for one raw record, inside {@link ClassifyProcessor}: never forwarded or serialised. */
sealed interface Outcome {

    record Classified(ClassifiedEvent event, List<RuleHit> hits) implements Outcome {
    }

    record Discarded(String reason) implements Outcome {
    }

    record DeadLettered(DeadLetter letter) implements Outcome {
    }
}
