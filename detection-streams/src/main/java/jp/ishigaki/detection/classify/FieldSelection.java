package jp.ishigaki.detection.classify;

import jp.ishigaki.detection.sigma.RuleSet;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The event fields classification reads — the rule set's ({@link RuleSet#fields()}) and those that validation,
 * enrichment, severity and rule hits read whatever the rules — as a tree of name segments, so that
 * {@link FlatEvents} can step over the rest of a nested event without building paths or values for it.
 */
public final class FieldSelection {

    /** Read by validation, enrichment, severity and rule hits, whatever the rules say. */
    static final Set<String> ALWAYS = Set.of("@timestamp", "event.id", "event.kind", "observer.type", "event.category",
            "event.type", "host.name", "host.ip", "source.ip", "destination.ip", "observer.name", "user.name", "labels.segment",
            "observer.ingress.zone", "observer.egress.zone", "labels.room", "labels.location");

    private final Node root = new Node(null);

    private FieldSelection(Set<String> paths) {
        for (String path : paths) {
            Node node = root;
            for (String name : path.split("\\.", -1)) {
                node = node.children.computeIfAbsent(name, n -> new Node(null));
            }
            node.path = path;
        }
    }

    /** The rule set's fields and {@link #ALWAYS}. */
    public static FieldSelection of(RuleSet rules) {
        Set<String> paths = new HashSet<>(ALWAYS);
        paths.addAll(rules.fields());
        return new FieldSelection(paths);
    }

    Node root() {
        return root;
    }

    /** One name segment: its children, and its dotted path when the leaf there is selected. */
    static final class Node {

        private final Map<String, Node> children = new HashMap<>(8);
        private String path;

        private Node(String path) {
            this.path = path;
        }

        Node child(String name) {
            return children.get(name);
        }

        /** The dotted path when a value here is selected; null for a segment that only leads to selected fields. */
        String path() {
            return path;
        }
    }
}
