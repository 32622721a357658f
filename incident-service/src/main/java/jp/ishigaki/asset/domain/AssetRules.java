package jp.ishigaki.asset.domain;

import jp.ishigaki.schemas.policy.Segment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks and normalises an asset of the inventory: identifiers, host names (lower case), IP ranges (CIDR; a bare
 * address becomes /32 or /128), the segment (code or Japanese name) and the classification against the city's scales.
 */
public final class AssetRules {

    /** One problem with one field. */
    public record Problem(String field, String problem) {
    }

    /** The normalised input and the problems found; valid when there are none. */
    public record Checked(AssetInput asset, List<Problem> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    /** The allowed classes of 自治体機密性, 完全性 and 可用性. */
    public record Scales(List<String> confidentiality, List<String> integrity, List<String> availability) {
    }

    private static final Pattern ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$");
    private static final Pattern HOST = Pattern.compile("^[a-z0-9]([a-z0-9_-]{0,62})(\\.[a-z0-9_-]{1,63})*$");
    private static final Pattern IPV4 = Pattern.compile("^(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}$");
    private static final Pattern IPV6 = Pattern.compile("^[0-9a-f:.]{2,45}$");

    private AssetRules() {
    }

    public static Checked check(AssetInput in, Scales scales) {
        List<Problem> problems = new ArrayList<>();
        String id = trim(in.id());
        if (id == null || !ID.matcher(id).matches()) {
            problems.add(new Problem("id", id == null ? "is required" : "must be 1–64 letters, digits, '.', '_' or '-'"));
        }
        String name = trim(in.name());
        required(problems, "name", name, 200);
        String department = trim(in.department());
        required(problems, "department", department, 200);
        String manager = trim(in.manager());
        if (manager != null && manager.length() > 200) {
            problems.add(new Problem("manager", "is longer than 200 characters"));
        }
        List<String> hosts = new ArrayList<>(new LinkedHashSet<>(clean(in.hosts()).stream()
                .map(h -> h.toLowerCase(Locale.ROOT)).toList()));
        hosts.stream().filter(h -> h.length() > 253 || !HOST.matcher(h).matches()).findFirst()
                .ifPresent(h -> problems.add(new Problem("hosts", "'" + h + "' is not a host name")));
        List<String> cidrs = new ArrayList<>();
        for (String c : clean(in.cidrs())) {
            Optional<String> normal = cidr(c);
            normal.ifPresent(cidrs::add);
            if (normal.isEmpty()) {
                problems.add(new Problem("cidrs", "'" + c + "' is not an IP range (e.g. 10.1.2.0/24)"));
            }
        }
        String segment = null;
        String rawSegment = trim(in.segment());
        if (rawSegment == null) {
            problems.add(new Problem("segment", "is required"));
        } else {
            segment = segment(rawSegment).map(Segment::code).orElse(null);
            if (segment == null) {
                problems.add(new Problem("segment", "unknown segment '" + rawSegment
                        + "' (expected mynumber, lgwan, internet, facility, unknown)"));
            }
        }
        String c = classOf(problems, "confidentiality", in.confidentiality(), scales.confidentiality());
        String i = classOf(problems, "integrity", in.integrity(), scales.integrity());
        String a = classOf(problems, "availability", in.availability(), scales.availability());
        return new Checked(new AssetInput(id, name, hosts, List.copyOf(new LinkedHashSet<>(cidrs)), segment,
                department, manager, c, i, a), problems);
    }

    static Optional<Segment> segment(String value) {
        return Arrays.stream(Segment.values())
                .filter(s -> s.code().equalsIgnoreCase(value) || s.ja().equals(value) || s.en().equalsIgnoreCase(value))
                .findFirst();
    }

    /** A CIDR in canonical text, or empty when it is not one. No name resolution ever happens here. */
    static Optional<String> cidr(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        String address = t;
        Integer prefix = null;
        int slash = t.indexOf('/');
        if (slash >= 0) {
            address = t.substring(0, slash);
            try {
                prefix = Integer.parseInt(t.substring(slash + 1));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        if (IPV4.matcher(address).matches()) {
            int p = prefix == null ? 32 : prefix;
            return p < 0 || p > 32 ? Optional.empty() : Optional.of(address + "/" + p);
        }
        if (address.contains(":") && IPV6.matcher(address).matches()) {
            int p = prefix == null ? 128 : prefix;
            try {
                // a literal IPv6 address: parsed without any DNS lookup
                String canonical = java.net.InetAddress.getByName(address).getHostAddress();
                return p < 0 || p > 128 ? Optional.empty() : Optional.of(canonical + "/" + p);
            } catch (java.net.UnknownHostException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static String classOf(List<Problem> problems, String field, String value, List<String> allowed) {
        String v = trim(value);
        if (v == null) {
            problems.add(new Problem(field, "is required (one of " + String.join(", ", allowed) + ")"));
            return null;
        }
        String upper = v.toUpperCase(Locale.ROOT);
        if (!allowed.contains(upper)) {
            problems.add(new Problem(field, "'" + v + "' is not a class of the scale " + String.join(", ", allowed)));
            return null;
        }
        return upper;
    }

    private static void required(List<Problem> problems, String field, String value, int max) {
        if (value == null) {
            problems.add(new Problem(field, "is required"));
        } else if (value.length() > max) {
            problems.add(new Problem(field, "is longer than " + max + " characters"));
        }
    }

    private static List<String> clean(List<String> values) {
        return values == null ? List.of()
                : values.stream().filter(v -> v != null && !v.isBlank()).map(String::trim).toList();
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
