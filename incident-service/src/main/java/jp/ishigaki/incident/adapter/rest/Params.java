package jp.ishigaki.incident.adapter.rest;

import jp.ishigaki.common.InvalidRequestException;
import jp.ishigaki.schemas.incident.IncidentState;
import jp.ishigaki.schemas.policy.Segment;
import jp.ishigaki.schemas.policy.Severity;
import jp.ishigaki.schemas.policy.Threat;
import jp.ishigaki.schemas.policy.ThreatGroup;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Parses request values into the contract's enums with a clear message for an unknown value. */
final class Params {

    private Params() {
    }

    static IncidentState state(String value) {
        try {
            return IncidentState.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new InvalidRequestException("unknown state '" + value + "' (expected one of "
                    + Arrays.stream(IncidentState.values()).map(Enum::name).collect(Collectors.joining(", ")) + ")");
        }
    }

    static Severity severity(String value) {
        return parse(value, Severity::ofCode);
    }

    static Threat threat(String value) {
        return parse(value == null ? null : value.trim().toUpperCase(Locale.ROOT), Threat::ofCode);
    }

    static Segment segment(String value) {
        return parse(value, Segment::ofCode);
    }

    static ThreatGroup threatGroup(String value) {
        try {
            return ThreatGroup.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new InvalidRequestException("unknown threat group '" + value + "' (expected T1, T2, T3, T4, T5)");
        }
    }

    /** States, where {@code OPEN} stands for every state that is not CLOSED or DISMISSED. */
    static Set<IncidentState> states(List<String> values) {
        Set<IncidentState> out = new LinkedHashSet<>();
        for (String v : many(values, String::trim)) {
            if ("OPEN".equalsIgnoreCase(v)) {
                Arrays.stream(IncidentState.values()).filter(s -> !s.isTerminal()).forEach(out::add);
            } else {
                out.add(state(v));
            }
        }
        return out;
    }

    /** Repeated or comma-separated values. */
    static <T> Set<T> many(List<String> values, Function<String, T> parser) {
        if (values == null) {
            return Set.of();
        }
        return values.stream().flatMap(v -> Arrays.stream(v.split(","))).map(String::trim).filter(v -> !v.isEmpty())
                .map(parser).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static <T> T parse(String value, Function<String, T> parser) {
        if (value == null) {
            throw new InvalidRequestException("a value is required");
        }
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(e.getMessage());
        }
    }
}
