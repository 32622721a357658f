package jp.ishigaki.detection.detect;

import java.util.Arrays;

/**
 * The ids of the last {@value #CAPACITY} events folded into one detection, as 64-bit hashes: a replayed event among
 * them is recognised and not counted twice. Older replays in a flood of more than {@value #CAPACITY} hits are
 * counted again; that is the price of keeping replay detection inside the one state record a hit writes anyway.
 * Immutable.
 */
public final class RecentEvents {

    public static final int CAPACITY = 128;
    private static final RecentEvents NONE = new RecentEvents(new long[0], 0);

    private final long[] hashes;
    private final int next;

    private RecentEvents(long[] hashes, int next) {
        this.hashes = hashes;
        this.next = next;
    }

    public static RecentEvents none() {
        return NONE;
    }

    public static RecentEvents of(String eventId) {
        return new RecentEvents(new long[] {hash(eventId)}, 0); // once per hit on the detect side: no ring
    }

    public boolean contains(String eventId) {
        long hash = hash(eventId);
        for (long h : hashes) {
            if (h == hash) {
                return true;
            }
        }
        return false;
    }

    /** These events and {@code eventId}; the oldest leaves once {@value #CAPACITY} are held. */
    public RecentEvents with(String eventId) {
        return new Ring(this).add(eventId).events();
    }

    /** These events and then {@code more}'s, oldest first; the oldest leave once {@value #CAPACITY} are held. */
    public RecentEvents withAll(RecentEvents more) {
        long[] all = Arrays.copyOf(inAge(), hashes.length + more.hashes.length);
        System.arraycopy(more.inAge(), 0, all, hashes.length, more.hashes.length);
        return all.length <= CAPACITY ? new RecentEvents(all, 0)
                : new RecentEvents(Arrays.copyOfRange(all, all.length - CAPACITY, all.length), 0);
    }

    /** How many of {@code other}'s events are among these. */
    public int countOf(RecentEvents other) {
        int found = 0;
        for (long theirs : other.hashes) {
            for (long ours : hashes) {
                if (ours == theirs) {
                    found++;
                    break;
                }
            }
        }
        return found;
    }

    /** The hashes oldest first. */
    private long[] inAge() {
        if (next == 0) {
            return hashes;
        }
        long[] ordered = new long[hashes.length];
        System.arraycopy(hashes, next, ordered, 0, hashes.length - next);
        System.arraycopy(hashes, 0, ordered, hashes.length - next, next);
        return ordered;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RecentEvents that && Arrays.equals(inAge(), that.inAge());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(inAge());
    }

    /** The hashes themselves, for the serde on the per-hit write path: read only, never change them. */
    long[] hashes() {
        return hashes;
    }

    int next() {
        return next;
    }

    static RecentEvents of(long[] hashes, int next) {
        if (hashes.length > CAPACITY || next < 0 || next >= Math.max(1, hashes.length)) {
            throw new IllegalArgumentException("recent events out of shape");
        }
        return new RecentEvents(hashes.clone(), next);
    }

    public int size() {
        return hashes.length;
    }

    /** FNV-1a over the UTF-16 units in the high half, String.hashCode in the low half. */
    static long hash(String eventId) {
        int fnv = 0x811c9dc5;
        for (int i = 0; i < eventId.length(); i++) {
            fnv = (fnv ^ eventId.charAt(i)) * 0x01000193;
        }
        return ((long) fnv << 32) | (eventId.hashCode() & 0xffffffffL);
    }

    /**
     * Recent events gathered in place, for a fold that takes one hit after another: {@link #add} writes one hash
     * instead of copying the array as {@link #with} does. {@link #events()} is an immutable copy. Not thread-safe.
     */
    static final class Ring {

        private final long[] hashes = new long[CAPACITY];
        private int size;
        private int next;

        Ring(RecentEvents from) {
            System.arraycopy(from.hashes, 0, hashes, 0, from.hashes.length);
            size = from.hashes.length;
            next = from.next;
        }

        /** Adds {@code eventId}; once {@value #CAPACITY} are held it takes the oldest one's place. */
        Ring add(String eventId) {
            long hash = hash(eventId);
            if (size < CAPACITY) {
                hashes[size++] = hash;
            } else {
                hashes[next] = hash;
                next = (next + 1) % CAPACITY;
            }
            return this;
        }

        boolean contains(String eventId) {
            long hash = hash(eventId);
            for (int i = 0; i < size; i++) {
                if (hashes[i] == hash) {
                    return true;
                }
            }
            return false;
        }

        RecentEvents events() {
            return new RecentEvents(Arrays.copyOf(hashes, size), next);
        }
    }
}
