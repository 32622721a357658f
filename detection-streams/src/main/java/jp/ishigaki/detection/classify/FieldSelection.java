package jp.ishigaki.detection.classify;

import jp.ishigaki.detection.sigma.RuleSet;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The event fields classification reads — the rule set's ({@link RuleSet#fields()}) and those that validation,
 * enrichment, severity and rule hits read whatever the rules — as a tree of name segments, so that
 * {@link FlatEvents} can step over the rest of a nested event without building paths or values for it. The scanner
 * looks names up by their UTF-8 bytes ({@link Node#child(byte[], int, int, int)}), so a name it steps over never
 * becomes a string.
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
        root.index();
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

    /** The hash of a name's UTF-8 bytes that {@link Node#child(byte[], int, int, int)} expects. */
    static int hash(byte[] bytes, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + bytes[i];
        }
        return h;
    }

    /** One name segment: its children, and its dotted path when the leaf there is selected. */
    static final class Node {

        private final Map<String, Node> children = new HashMap<>(8);
        private String path;
        /** Open addressing over the children's name hashes: a power of two, at most half full. */
        private int[] hashes = new int[0];
        private byte[][] names = new byte[0][];
        private Node[] nodes = new Node[0];

        private Node(String path) {
            this.path = path;
        }

        private void index() {
            int size = Integer.highestOneBit(Math.max(1, children.size()) * 4 - 1);
            hashes = new int[size];
            names = new byte[size][];
            nodes = new Node[size];
            children.forEach((name, node) -> {
                byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
                int h = hash(utf8, 0, utf8.length);
                int slot = h & (size - 1);
                while (nodes[slot] != null) {
                    slot = (slot + 1) & (size - 1);
                }
                hashes[slot] = h;
                names[slot] = utf8;
                nodes[slot] = node;
                node.index();
            });
        }

        /** The child named by {@code bytes[from, to)} (UTF-8, {@code hash} as {@link #hash}), or null. */
        Node child(byte[] bytes, int from, int to, int hash) {
            int mask = nodes.length - 1;
            for (int slot = hash & mask; nodes[slot] != null; slot = (slot + 1) & mask) {
                if (hashes[slot] == hash && same(names[slot], bytes, from, to)) {
                    return nodes[slot];
                }
            }
            return null;
        }

        /** A plain loop: names are short, and {@code Arrays.equals} on ranges costs more in its checks than here. */
        private static boolean same(byte[] name, byte[] bytes, int from, int to) {
            if (name.length != to - from) {
                return false;
            }
            for (int i = 0; i < name.length; i++) {
                if (name[i] != bytes[from + i]) {
                    return false;
                }
            }
            return true;
        }

        /** The dotted path when a value here is selected; null for a segment that only leads to selected fields. */
        String path() {
            return path;
        }
    }
}
