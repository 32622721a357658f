package jp.ishigaki.detection.sigma;

import jp.ishigaki.schemas.policy.Control;
import jp.ishigaki.schemas.policy.Threat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The policy mapping carried by a rule's tags: {@code ishigaki.threat.T1-01} (one primary threat),
 * {@code ishigaki.control.MN-ISOLATION} (any number), {@code ishigaki.legal.ppc} (a possible legal reporting
 * trigger, raising severity to at least high), {@code ishigaki.discard} (matching events are discarded as noise).
 * ATT&CK tags ({@code attack.*}) are kept; other tags are kept as they are.
 */
public record RuleTags(Threat threat, List<Control> controls, boolean legalTrigger, boolean discard,
        List<String> attackTags, List<String> all) {

    public RuleTags {
        controls = List.copyOf(controls);
        attackTags = List.copyOf(attackTags);
        all = List.copyOf(all);
    }

    static RuleTags parse(List<String> tags, Function<String, RuntimeException> errors) {
        Threat threat = null;
        List<Control> controls = new ArrayList<>();
        List<String> attack = new ArrayList<>();
        boolean legal = false;
        boolean discard = false;
        for (String tag : tags) {
            String t = tag.trim();
            if (t.startsWith("ishigaki.threat.")) {
                if (threat != null) {
                    throw errors.apply("more than one ishigaki.threat tag: a rule has one primary threat");
                }
                try {
                    threat = Threat.ofCode(t.substring("ishigaki.threat.".length()));
                } catch (IllegalArgumentException e) {
                    throw errors.apply(e.getMessage());
                }
            } else if (t.startsWith("ishigaki.control.")) {
                try {
                    Control control = Control.ofCode(t.substring("ishigaki.control.".length()));
                    if (!controls.contains(control)) {
                        controls.add(control);
                    }
                } catch (IllegalArgumentException e) {
                    throw errors.apply(e.getMessage());
                }
            } else if (t.startsWith("ishigaki.legal.")) {
                legal = true;
            } else if (t.equals("ishigaki.discard")) {
                discard = true;
            } else if (t.startsWith("ishigaki.")) {
                throw errors.apply("unknown Ishigaki tag '" + t + "'");
            } else if (t.startsWith("attack.")) {
                attack.add(t);
            }
        }
        return new RuleTags(threat, controls, legal, discard, attack, tags);
    }
}
