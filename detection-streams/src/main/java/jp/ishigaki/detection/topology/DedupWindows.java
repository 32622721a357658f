package jp.ishigaki.detection.topology;

import jp.ishigaki.detection.detect.DedupState;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code detection-dedup} store, fronted by a cache of each key's newest window as an object, so that a flood of
 * hits on one detection does not deserialise it from the store again for every hit. The cache answers only when
 * its answer is provably the store's; hits older than the stream time minus the window always ask the store.
 */
final class DedupWindows {

    private static final int MAX_CACHED = 10_000;

    private final WindowStore<String, DedupState> store;
    private final long windowMs;
    private final Map<String, DedupState> newest = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, DedupState> eldest) {
            return size() > MAX_CACHED;
        }
    };
    /** The key of the last {@link #open} that found no window at all starting from {@code noneFrom} on. */
    private String noneKey;
    private long noneFrom;

    DedupWindows(WindowStore<String, DedupState> store, long windowMs) {
        this.store = store;
        this.windowMs = windowMs;
    }

    /**
     * The suppression window of this key that covers {@code ts}, if one is open: the newest window starting in
     * {@code [ts - window + 1, ts + window - 1]}. Windows never start after the stream time, so for a hit no older
     * than stream time minus the window, the newest window of a key lies in {@code [.., ts + window]}.
     */
    DedupState open(String key, long ts, long streamTimeMs) {
        noneKey = null;
        boolean recent = ts >= streamTimeMs - windowMs;
        DedupState cached = recent ? newest.get(key) : null;
        if (cached != null) {
            long start = cached.windowStartMs();
            if (start <= ts - windowMs) {
                return null;
            }
            if (start < ts + windowMs) {
                return cached;
            }
        }
        DedupState covering = null;
        boolean first = true;
        try (WindowStoreIterator<DedupState> it = store.backwardFetch(key, ts - windowMs + 1, ts + windowMs)) {
            while (it.hasNext()) {
                var next = it.next();
                DedupState state = next.value;
                if (recent && first && state != null && cached == null) {
                    newest.put(key, state);
                }
                first = false;
                if (state != null && next.key < ts + windowMs
                        && ts >= state.windowStartMs() - windowMs && ts < state.windowStartMs() + windowMs) {
                    covering = state;
                    break;
                }
            }
        }
        if (recent && first) {
            noneKey = key;
            noneFrom = ts - windowMs + 1;
        }
        return covering;
    }

    /** Writes a window's state; the cache follows when it is the key's newest window. */
    void put(String key, DedupState state, long windowStartMs) {
        DedupState cached = newest.get(key);
        if (cached != null ? windowStartMs >= cached.windowStartMs()
                : key.equals(noneKey) && windowStartMs >= noneFrom) {
            newest.put(key, state);
        }
        noneKey = null;
        store.put(key, state, windowStartMs);
    }

    void clear() {
        newest.clear();
        noneKey = null;
    }
}
