package jp.ishigaki.detection.sigma;

import java.util.Map;

/** A compiled test on a flattened ECS event (dotted keys → values; arrays stay lists). */
@FunctionalInterface
public interface EventMatch {

    boolean test(Map<String, Object> event);

    EventMatch ALWAYS = event -> true;
}
