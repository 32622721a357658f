package jp.ishigaki.detection.sigma;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The documented subset: selections, modifiers, wildcards and the condition grammar. */
class SigmaMatchingTest {

    private static SigmaRule rule(String detection) {
        String text = "title: t\nid: t-1\nlevel: low\ntags: [ishigaki.threat.T1-01]\ndetection:\n" + detection.indent(2);
        return (SigmaRule) SigmaParser.parse("t.yml", text).get(0);
    }

    private static Map<String, Object> event(Object... kv) {
        Map<String, Object> event = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            event.put((String) kv[i], kv[i + 1]);
        }
        return event;
    }

    @Test
    void plainValuesAreCaseInsensitiveAndListsAreAlternatives() {
        SigmaRule r = rule("sel: {user.name: [Tanaka, suzuki]}\ncondition: sel");
        assertThat(r.matches(event("user.name", "TANAKA"))).isTrue();
        assertThat(r.matches(event("user.name", "sato"))).isFalse();
        assertThat(r.matches(event())).isFalse();
    }

    @Test
    void eventArraysMatchWhenAnyElementMatches() {
        SigmaRule r = rule("sel: {event.category: authentication}\ncondition: sel");
        assertThat(r.matches(event("event.category", List.of("network", "authentication")))).isTrue();
        assertThat(r.matches(event("event.category", List.of("network")))).isFalse();
    }

    @Test
    void stringModifiersAndWildcards() {
        SigmaRule r = rule("""
                a: {process.command_line|contains: 'vssadmin'}
                b: {file.path|startswith: 'C:\\Users\\'}
                c: {file.path|endswith: '.ps1'}
                d: {process.name: 'power*.exe'}
                e: {process.name: 'cmd?.exe'}
                condition: 1 of them
                """);
        assertThat(r.matches(event("process.command_line", "C:\\x\\VSSADMIN.exe delete"))).isTrue();
        assertThat(r.matches(event("file.path", "C:\\Users\\tanaka\\a.txt"))).isTrue();
        assertThat(r.matches(event("file.path", "D:\\s\\run.PS1"))).isTrue();
        assertThat(r.matches(event("process.name", "PowerShell.exe"))).isTrue();
        assertThat(r.matches(event("process.name", "cmd1.exe"))).isTrue();
        assertThat(r.matches(event("process.name", "cmd12.exe"))).isFalse();
        assertThat(r.matches(event("file.path", "D:\\Users\\x"))).isFalse();
    }

    @Test
    void escapedWildcardIsLiteral() {
        SigmaRule r = rule("sel: {message: 'price\\*2'}\ncondition: sel");
        assertThat(r.matches(event("message", "price*2"))).isTrue();
        assertThat(r.matches(event("message", "price x 2"))).isFalse();
    }

    @Test
    void allModifierNeedsEveryValue() {
        SigmaRule r = rule("sel: {cmd|contains|all: [delete, shadows]}\ncondition: sel");
        assertThat(r.matches(event("cmd", "vssadmin delete shadows /all"))).isTrue();
        assertThat(r.matches(event("cmd", "vssadmin delete catalog"))).isFalse();
    }

    @Test
    void regexCidrExistsAndNumericModifiers() {
        assertThat(rule("s: {url.full|re: '^https?://\\d+\\.\\d+'}\ncondition: s").matches(event("url.full", "http://10.2.3.4/a"))).isTrue();
        SigmaRule cidr = rule("s: {source.ip|cidr: [10.10.0.0/16, 'fd00::/8']}\ncondition: s");
        assertThat(cidr.matches(event("source.ip", "10.10.200.1"))).isTrue();
        assertThat(cidr.matches(event("source.ip", "fd12::1"))).isTrue();
        assertThat(cidr.matches(event("source.ip", "10.11.0.1"))).isFalse();
        assertThat(cidr.matches(event("source.ip", "not-an-ip"))).isFalse();
        SigmaRule exists = rule("s: {approval|exists: false}\ncondition: s");
        assertThat(exists.matches(event())).isTrue();
        assertThat(exists.matches(event("approval", "A-1"))).isFalse();
        SigmaRule numbers = rule("s: {n|gt: 5, m|lte: 2.5}\ncondition: s");
        assertThat(numbers.matches(event("n", 6, "m", "2.5"))).isTrue();
        assertThat(numbers.matches(event("n", "5", "m", 1))).isFalse();
        assertThat(numbers.matches(event("n", "many", "m", 1))).isFalse();
    }

    @Test
    void nullMatchesAnAbsentField() {
        SigmaRule r = rule("s: {a: x, b: null}\ncondition: s");
        assertThat(r.matches(event("a", "x"))).isTrue();
        assertThat(r.matches(event("a", "x", "b", "y"))).isFalse();
    }

    @Test
    void listOfMapsIsAnOrOfMaps() {
        SigmaRule r = rule("""
                s:
                  - {a: 1, b: 2}
                  - {c: 3}
                condition: s
                """);
        assertThat(r.matches(event("a", 1, "b", 2))).isTrue();
        assertThat(r.matches(event("c", "3"))).isTrue();
        assertThat(r.matches(event("a", 1))).isFalse();
    }

    @Test
    void conditionGrammarHonoursPrecedenceParenthesesAndQuantifiers() {
        String selections = """
                sel_a: {a: 1}
                sel_b: {b: 1}
                filter: {f: 1}
                """;
        SigmaRule precedence = rule(selections + "condition: sel_a or sel_b and not filter");
        assertThat(precedence.matches(event("a", 1, "f", 1))).isTrue();
        assertThat(precedence.matches(event("b", 1, "f", 1))).isFalse();
        SigmaRule parens = rule(selections + "condition: (sel_a or sel_b) and not filter");
        assertThat(parens.matches(event("a", 1, "f", 1))).isFalse();
        SigmaRule oneOf = rule(selections + "condition: 1 of sel_* and not filter");
        assertThat(oneOf.matches(event("b", 1))).isTrue();
        SigmaRule allOf = rule(selections + "condition: all of sel_*");
        assertThat(allOf.matches(event("a", 1))).isFalse();
        assertThat(allOf.matches(event("a", 1, "b", 1))).isTrue();
        SigmaRule allOfThem = rule(selections + "condition: all of them");
        assertThat(allOfThem.matches(event("a", 1, "b", 1))).isFalse();
        assertThat(allOfThem.matches(event("a", 1, "b", 1, "f", 1))).isTrue();
        SigmaRule oneOfThem = rule(selections + "condition: 1 of them");
        assertThat(oneOfThem.matches(event("f", 1))).isTrue();
    }

    @Test
    void keywordSelectionsSearchTheMessage() {
        SigmaRule r = rule("keywords: [mimikatz, 'sekurlsa::']\ncondition: keywords");
        assertThat(r.matches(event("message", "ran Mimikatz.exe"))).isTrue();
        assertThat(r.matches(event("message", "ran notepad"))).isFalse();
    }

    @Test
    void logsourceMapsToObserverTypeDatasetProviderAndCategory() {
        String text = """
                title: t
                id: t-2
                level: low
                tags: [ishigaki.threat.T1-02]
                logsource: {product: security-cloud, service: seccloud.proxy, category: web}
                detection: {s: {event.action: block}, condition: s}
                """;
        SigmaRule r = (SigmaRule) SigmaParser.parse("t.yml", text).get(0);
        Map<String, Object> ok = event("observer.type", "security-cloud", "event.dataset", "seccloud.proxy",
                "event.category", List.of("web"), "event.action", "block");
        assertThat(r.matches(ok)).isTrue();
        Map<String, Object> viaProvider = new HashMap<>(ok);
        viaProvider.remove("event.dataset");
        viaProvider.put("event.provider", "seccloud.proxy");
        assertThat(r.matches(viaProvider)).isTrue();
        Map<String, Object> otherProduct = new HashMap<>(ok);
        otherProduct.put("observer.type", "firewall");
        assertThat(r.matches(otherProduct)).isFalse();
        RuleSet set = RuleSet.of(List.of(r), List.of());
        assertThat(set.match(ok)).containsExactly(r);
        assertThat(set.match(otherProduct)).isEmpty();
    }
}
