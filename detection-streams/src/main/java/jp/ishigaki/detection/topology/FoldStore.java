package jp.ishigaki.detection.topology;

import jp.ishigaki.detection.detect.RuleHit;
import jp.ishigaki.detection.detect.RuleHitSerde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The folds a {@link HitFolder} holds, kept as objects and written back: folding a hit changes only the object (the
 * folder says so with {@link #changed}), and at each {@link #flush()} — which Kafka Streams calls before every
 * commit — the folds changed since the last one are written to the changelogged store beneath (or deleted from it,
 * once sent). So a commit's changelog holds exactly the folds its committed input made and that were not yet sent
 * on, at one write per fold and commit instead of one per hit; a task taking over reads them back. Used by its
 * stream thread only.
 */
final class FoldStore implements StateStore {

    private final KeyValueStore<String, RuleHit> logged;
    private final Map<String, Fold> folds = new LinkedHashMap<>();
    /** Keys changed since the last flush. */
    private final Set<String> dirty = new HashSet<>();
    /** Keys the store beneath holds. */
    private final Set<String> written = new HashSet<>();
    private boolean loaded;

    FoldStore(KeyValueStore<String, RuleHit> logged) {
        this.logged = logged;
    }

    /** An in-memory store beneath, changelogged unless the builder is told otherwise. */
    static StoreBuilder<FoldStore> builder(String name) {
        return new Builder(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(),
                new RuleHitSerde()).withCachingDisabled());
    }

    /** The folds held, oldest first (read only: change them with {@link #put} and {@link #remove}). */
    Map<String, Fold> folds() {
        return Collections.unmodifiableMap(loaded());
    }

    Fold get(String key) {
        return loaded().get(key);
    }

    void put(String key, Fold fold) {
        loaded().put(key, fold);
        dirty.add(key);
    }

    /** The fold of {@code key} has taken another hit. */
    void changed(String key) {
        dirty.add(key);
    }

    void remove(String key) {
        if (loaded().remove(key) != null) {
            dirty.add(key);
        }
    }

    /** The folds, read back from the store beneath on first use. */
    private Map<String, Fold> loaded() {
        if (!loaded) {
            // after the restoration, which fills the store beneath once init() has registered it
            try (KeyValueIterator<String, RuleHit> restored = logged.all()) {
                restored.forEachRemaining(entry -> {
                    folds.put(entry.key, Fold.of(entry.value));
                    written.add(entry.key);
                });
            }
            loaded = true;
        }
        return folds;
    }

    @Override
    public void flush() {
        for (String key : dirty) {
            Fold fold = folds.get(key);
            if (fold != null) {
                logged.put(key, fold.hit());
                written.add(key);
            } else if (written.remove(key)) {
                logged.put(key, null); // a delete, without reading back (and deserialising) what it removes
            }
        }
        dirty.clear();
        logged.flush();
    }

    @Override
    public String name() {
        return logged.name();
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        logged.init(context, root);
    }

    @Override
    public void close() {
        logged.close();
    }

    @Override
    public boolean persistent() {
        return false;
    }

    @Override
    public boolean isOpen() {
        return logged.isOpen();
    }

    /** Builds the store over the builder of the store beneath, whose logging settings are this store's. */
    private record Builder(StoreBuilder<KeyValueStore<String, RuleHit>> beneath) implements StoreBuilder<FoldStore> {

        @Override
        public StoreBuilder<FoldStore> withCachingEnabled() {
            return this; // the folds are the cache
        }

        @Override
        public StoreBuilder<FoldStore> withCachingDisabled() {
            return this;
        }

        @Override
        public StoreBuilder<FoldStore> withLoggingEnabled(Map<String, String> config) {
            return new Builder(beneath.withLoggingEnabled(config));
        }

        @Override
        public StoreBuilder<FoldStore> withLoggingDisabled() {
            return new Builder(beneath.withLoggingDisabled());
        }

        @Override
        public FoldStore build() {
            return new FoldStore(beneath.build());
        }

        @Override
        public Map<String, String> logConfig() {
            return beneath.logConfig();
        }

        @Override
        public boolean loggingEnabled() {
            return beneath.loggingEnabled();
        }

        @Override
        public String name() {
            return beneath.name();
        }
    }
}
