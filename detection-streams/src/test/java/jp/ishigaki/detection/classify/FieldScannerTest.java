package jp.ishigaki.detection.classify;

import jp.ishigaki.detection.rules.RuleFiles;
import jp.ishigaki.detection.sigma.RuleLoader;
import jp.ishigaki.detection.sigma.RuleSet;
import jp.ishigaki.detection.simulate.EventGenerator;
import jp.ishigaki.schemas.event.RawEvents;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The byte scanner behind the fast path against the contract parser: whatever it accepts, the contract accepts, with
 * the same values in the selected fields; whatever the contract rejects, it leaves to the contract.
 */
class FieldScannerTest {

    private static final RuleSet RULES = RuleLoader.load(RuleFiles.builtin()).ruleSet();
    private static final FieldSelection SELECTION = FieldSelection.of(RULES);
    private static final Set<String> SELECTED = union(RULES.fields(), FieldSelection.ALWAYS);
    private static final String ENVELOPE = "\"@timestamp\":\"2026-01-02T03:04:05Z\",\"event\":{\"id\":\"e1\",\"kind\":\"event\"},"
            + "\"observer\":{\"type\":\"Windows\"}";

    /** Asserts agreement with the contract parser; true when the fast path read the record itself. */
    private static boolean agrees(byte[] json) {
        NormalisedEvent fast = FlatEvents.parse(json, RawEvents.DEFAULT_MAX_BYTES, SELECTION);
        RawEvents.Parsed contract = RawEvents.parse(json);
        String text = new String(json, StandardCharsets.UTF_8);
        if (fast == null) {
            return false;
        }
        assertThat(contract).as("the contract accepts what the fast path read: %s", text).isInstanceOf(RawEvents.Valid.class);
        NormalisedEvent slow = NormalisedEvent.of(((RawEvents.Valid) contract).document());
        assertThat(selected(fast.flat())).as(text).isEqualTo(selected(slow.flat()));
        assertThat(List.of(fast.eventId(), fast.timestamp(), String.valueOf(fast.host())))
                .isEqualTo(List.of(slow.eventId(), slow.timestamp(), String.valueOf(slow.host())));
        return true;
    }

    private static Map<String, Object> selected(Map<String, Object> flat) {
        Map<String, Object> out = new HashMap<>(flat);
        out.keySet().retainAll(SELECTED);
        return out;
    }

    private static byte[] event(String members) {
        return ("{" + ENVELOPE + "," + members + "}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void stringsWithEscapesAndAnyUnicodeReadAsTheContractReadsThem() {
        for (String value : List.of("plain", "C:\\\\Windows\\\\System32\\\\cmd.exe", "a\\\"b\\/c\\b\\f\\n\\r\\t",
                "\\u00e9t\\u00C9", "\\ud83d\\ude00 and \\u0000", "成功", "香川県中西讃 \\n 通常", "😀", "é", "")) {
            byte[] json = event("\"user\":{\"name\":\"" + value + "\"},\"message\":\"" + value + "\",\"skipped\":\"" + value + "\"");
            assertThat(agrees(json)).as(value).isTrue();
        }
        NormalisedEvent read = FlatEvents.parse(event("\"user\":{\"name\":\"a\\u00e9\\n成\"}"), 1 << 20, SELECTION);
        assertThat(read.flat().get("user.name")).isEqualTo("aé\n成");
    }

    @Test
    void numbersTakeTheSmallestTypeThatHoldsThem() {
        Map<String, Object> expected = new java.util.LinkedHashMap<>();
        expected.put("0", 0);
        expected.put("-0", 0);
        expected.put("2147483647", 2147483647);
        expected.put("2147483648", 2147483648L);
        expected.put("-2147483649", -2147483649L);
        expected.put("9223372036854775807", Long.MAX_VALUE);
        expected.put("-9223372036854775808", Long.MIN_VALUE);
        expected.put("9223372036854775808", new BigInteger("9223372036854775808"));
        expected.put("1.5", 1.5);
        expected.put("-0.0", -0.0);
        expected.put("1e3", 1000.0);
        expected.put("2.5E-3", 0.0025);
        for (Map.Entry<String, Object> number : expected.entrySet()) {
            byte[] json = event("\"winlog\":{\"event_data\":{\"LogonType\":" + number.getKey() + "}},\"x\":" + number.getKey());
            assertThat(agrees(json)).as(number.getKey()).isTrue();
            assertThat(FlatEvents.parse(json, 1 << 20, SELECTION).flat().get("winlog.event_data.LogonType"))
                    .as(number.getKey()).isEqualTo(number.getValue());
        }
        for (String bad : List.of("01", "1.", ".5", "-", "+1", "1e", "0x10", "NaN", "1" + "0".repeat(80))) {
            assertThat(FlatEvents.parse(event("\"x\":" + bad), 1 << 20, SELECTION)).as(bad).isNull();
        }
    }

    @Test
    void whitespaceListsAndBooleansAgree() {
        assertThat(agrees(("{ \"@timestamp\" : \"2026-01-02T03:04:05Z\" ,\n\t\"event\":{ \"id\":\"e1\",\"kind\":\"event\","
                + "\"category\" : [ \"authentication\" , \"iam\" ] } ,\r\n\"observer\":{\"type\":\"Windows\"},"
                + "\"host\":{\"ip\":[\"10.0.0.1\",[1,2.5,true]]},\"skipped\":[null,{\"a\":null,\"a\":1},[]],"
                + "\"labels\":{\"flag\":false,\"room\":{}}} \n").getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    @Test
    void anythingOutsideTheSubsetIsLeftToTheContractParser() {
        for (String members : List.of(
                "\"user\":{\"name\":null}",                   // a null member
                "\"host\":{\"ip\":[null]}",                    // a null in a selected list
                "\"host\":{\"ip\":[{\"a\":1}]}",               // an object in a selected list
                "\"us\\u0065r\":{\"name\":\"x\"}",             // an escaped name
                "\"x\":1,\"x\":1",                             // a repeated name
                "\"x\":\"\\q\"",                               // a bad escape
                "\"x\":\"\\u12\"",                             // a short \\u escape
                "\"x\":\"a\tb\"",                              // a raw control character
                "\"x\":tru",                                   // a broken literal
                "\"x\":[1,]",                                  // a trailing comma
                "\"x\":{\"y\":1,}")) {
            byte[] json = event(members);
            assertThat(FlatEvents.parse(json, 1 << 20, SELECTION)).as(members).isNull();
        }
        for (byte[] bad : List.of(new byte[] {(byte) 0xc0, (byte) 0x80},     // overlong
                new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},          // a surrogate
                new byte[] {(byte) 0xf5, (byte) 0x80, (byte) 0x80, (byte) 0x80},
                new byte[] {(byte) 0xe3, (byte) 0x81},                        // cut short
                new byte[] {(byte) 0x80})) {
            byte[] head = event("\"skipped\":\"a").clone();
            byte[] json = new byte[head.length - 1 + bad.length + 2];
            System.arraycopy(head, 0, json, 0, head.length - 1);
            System.arraycopy(bad, 0, json, head.length - 1, bad.length);
            json[json.length - 2] = '"';
            json[json.length - 1] = '}';
            assertThat(FlatEvents.parse(json, 1 << 20, SELECTION)).isNull();
        }
        byte[] json = event("\"x\":1");
        assertThat(FlatEvents.parse((new String(json, StandardCharsets.UTF_8) + " x").getBytes(StandardCharsets.UTF_8),
                1 << 20, SELECTION)).as("trailing content").isNull();
        byte[] deep = event("\"x\":" + "{\"a\":".repeat(40) + "1" + "}".repeat(40));
        assertThat(FlatEvents.parse(deep, 1 << 20, SELECTION)).as("deep nesting").isNull();
        assertThat(RawEvents.parse(deep)).isInstanceOf(RawEvents.Valid.class);
    }

    @Test
    void mutatedEventsNeverGetAVerdictTheContractWouldNotGive() {
        EventGenerator generator = new EventGenerator(17, EventGenerator.Mix.REALISTIC, 0.05);
        Random random = new Random(5);
        byte[] alphabet = "{}[]\",:\\nul0-.eE1 \tu/é成".getBytes(StandardCharsets.UTF_8);
        int read = 0;
        int rejected = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] json = EventGenerator.wire(generator.next(Instant.now()));
            int edits = 1 + random.nextInt(3);
            for (int e = 0; e < edits; e++) {
                json = mutate(json, random, alphabet);
            }
            if (agrees(json)) {
                read++;
            } else if (RawEvents.parse(json) instanceof RawEvents.Rejected) {
                rejected++;
            }
        }
        assertThat(read).as("mutations the fast path still read itself").isGreaterThan(2_000);
        assertThat(rejected).as("mutations the contract rejects").isGreaterThan(2_000);
    }

    private static byte[] mutate(byte[] json, Random random, byte[] alphabet) {
        int at = 1 + random.nextInt(json.length - 1);
        byte b = alphabet[random.nextInt(alphabet.length)];
        return switch (random.nextInt(3)) {
            case 0 -> { // delete
                byte[] out = new byte[json.length - 1];
                System.arraycopy(json, 0, out, 0, at);
                System.arraycopy(json, at + 1, out, at, json.length - at - 1);
                yield out;
            }
            case 1 -> { // insert
                byte[] out = new byte[json.length + 1];
                System.arraycopy(json, 0, out, 0, at);
                out[at] = b;
                System.arraycopy(json, at, out, at + 1, json.length - at);
                yield out;
            }
            default -> { // replace
                byte[] out = json.clone();
                out[at] = b;
                yield out;
            }
        };
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new HashSet<>(a);
        out.addAll(b);
        return out;
    }
}
