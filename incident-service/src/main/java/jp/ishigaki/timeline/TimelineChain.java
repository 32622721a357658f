package jp.ishigaki.timeline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

/**
 * The hash chain of a timeline (DOMAIN.md §7): each entry's hash is SHA-256 over a canonical form of its fields and
 * the previous entry's hash; the first entry chains to {@link #GENESIS}. Pure functions, no framework.
 */
public final class TimelineChain {

    /** The "previous hash" of an incident's first entry. */
    public static final String GENESIS = "0".repeat(64);

    private TimelineChain() {
    }

    /** Instants as stored (microseconds), so that a re-read entry hashes the same. */
    public static Instant normalise(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * The canonical form: fields length-prefixed and joined, so that no choice of text can make two different
     * entries produce the same input.
     */
    static String canonical(String incidentId, int seq, Instant at, String actor, String type, String text,
                            String prevHash) {
        StringBuilder sb = new StringBuilder("ishigaki-timeline-v1");
        for (String field : new String[] {incidentId, Integer.toString(seq), normalise(at).toString(), actor, type, text,
                prevHash}) {
            sb.append('\n').append(field.length()).append(':').append(field);
        }
        return sb.toString();
    }

    public static String hash(String incidentId, int seq, Instant at, String actor, String type, String text,
                              String prevHash) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest(canonical(incidentId, seq, at, actor, type, text, prevHash)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The next entry after {@code previous} (or the first when {@code previous == null}). */
    public static TimelineEntry next(TimelineEntry previous, String incidentId, Instant at, String actor, String type,
                                     String text) {
        int seq = previous == null ? 1 : previous.seq() + 1;
        String prev = previous == null ? GENESIS : previous.hash();
        Instant when = normalise(at);
        return new TimelineEntry(incidentId, seq, when, actor, type, text, prev,
                hash(incidentId, seq, when, actor, type, text, prev));
    }

    /** The result of checking a chain: intact, or the first broken link and why. */
    public record Verification(boolean intact, int entries, Integer firstBrokenSeq, String problem) {
    }

    /** Checks sequence numbers, each entry's own hash and its link to the previous one. */
    public static Verification verify(List<TimelineEntry> entries) {
        String prev = GENESIS;
        int expectedSeq = 1;
        for (TimelineEntry e : entries) {
            if (e.seq() != expectedSeq) {
                return new Verification(false, entries.size(), expectedSeq,
                        "entry " + expectedSeq + " is missing (next stored entry is " + e.seq() + ")");
            }
            if (!e.prevHash().equals(prev)) {
                return new Verification(false, entries.size(), e.seq(),
                        "entry " + e.seq() + " does not link to the previous entry's hash");
            }
            String recomputed = hash(e.incidentId(), e.seq(), e.at(), e.actor(), e.type(), e.text(), e.prevHash());
            if (!recomputed.equals(e.hash())) {
                return new Verification(false, entries.size(), e.seq(), "entry " + e.seq() + " was changed after it was written");
            }
            prev = e.hash();
            expectedSeq++;
        }
        return new Verification(true, entries.size(), null, null);
    }
}
