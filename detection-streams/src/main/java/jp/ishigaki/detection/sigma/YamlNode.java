package jp.ishigaki.detection.sigma;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading SnakeYAML's node tree while keeping line numbers for error messages. */
final class YamlNode {

    private final String file;

    YamlNode(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }

    static int line(Node node) {
        return node == null ? 0 : node.getStartMark().getLine() + 1;
    }

    RuleException error(Node node, String problem) {
        return new RuleException(file, line(node), problem);
    }

    /** The entries of a mapping node, in file order; duplicate keys are an error. */
    Map<String, Node> mapping(Node node, String what) {
        if (!(node instanceof MappingNode mapping)) {
            throw error(node, what + " must be a mapping");
        }
        Map<String, Node> out = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                throw error(tuple.getKeyNode(), "keys of " + what + " must be plain text");
            }
            if (out.put(key.getValue(), tuple.getValueNode()) != null) {
                throw error(key, "duplicate key '" + key.getValue() + "' in " + what);
            }
        }
        return out;
    }

    /** Key nodes of a mapping (for line numbers of keys). */
    Map<String, Node> keys(Node node) {
        Map<String, Node> out = new LinkedHashMap<>();
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key) {
                    out.put(key.getValue(), key);
                }
            }
        }
        return out;
    }

    String text(Node node, String what) {
        if (!(node instanceof ScalarNode scalar) || scalar.getTag().equals(Tag.NULL)) {
            throw error(node, what + " must be a text value");
        }
        return scalar.getValue();
    }

    String optionalText(Map<String, Node> map, String key) {
        Node node = map.get(key);
        return node == null ? null : text(node, "'" + key + "'");
    }

    String requiredText(Map<String, Node> map, String key, Node owner) {
        Node node = map.get(key);
        if (node == null) {
            throw error(owner, "required key '" + key + "' is missing");
        }
        String value = text(node, "'" + key + "'");
        if (value.isBlank()) {
            throw error(node, "'" + key + "' is empty");
        }
        return value;
    }

    /** A text or a list of texts. */
    List<String> texts(Node node, String what) {
        List<String> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        if (node instanceof SequenceNode seq) {
            for (Node item : seq.getValue()) {
                out.add(text(item, what));
            }
        } else {
            out.add(text(node, what));
        }
        return out;
    }

    static boolean isNull(Node node) {
        return node instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
    }
}
