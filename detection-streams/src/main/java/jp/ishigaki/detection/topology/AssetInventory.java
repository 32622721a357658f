package jp.ishigaki.detection.topology;

import jp.ishigaki.detection.classify.AssetIndex;
import jp.ishigaki.schemas.asset.Asset;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.ValueAndTimestamp;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The asset inventory as the classifier sees it. The GlobalKTable over {@code security.assets} is materialised in
 * an in-memory store that counts its changes; the lookup index (host names, CIDR ranges) is rebuilt from the
 * store whenever that count moved, so an asset change applies to the very next event.
 */
final class AssetInventory {

    static final String STORE = "asset-inventory";

    private final AtomicLong version = new AtomicLong();
    private volatile AssetIndex index;
    private volatile long indexVersion = -1;

    KeyValueBytesStoreSupplier storeSupplier() {
        KeyValueBytesStoreSupplier inner = Stores.inMemoryKeyValueStore(STORE);
        return new KeyValueBytesStoreSupplier() {
            @Override
            public String name() {
                return inner.name();
            }

            @Override
            public KeyValueStore<Bytes, byte[]> get() {
                return new CountingStore(inner.get());
            }

            @Override
            public String metricsScope() {
                return inner.metricsScope();
            }
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    AssetIndex index(ReadOnlyKeyValueStore store) {
        long current = version.get();
        AssetIndex cached = index;
        if (cached != null && indexVersion == current) {
            return cached;
        }
        List<Asset> assets = new ArrayList<>();
        try (KeyValueIterator<String, Object> all = store.all()) {
            while (all.hasNext()) {
                Object value = all.next().value;
                if (value instanceof ValueAndTimestamp<?> vt) {
                    value = vt.value();
                }
                if (value instanceof Asset asset) {
                    assets.add(asset);
                }
            }
        }
        AssetIndex rebuilt = new AssetIndex(assets);
        index = rebuilt;
        indexVersion = current;
        return rebuilt;
    }

    /** Delegates to the in-memory store and counts every change. */
    private final class CountingStore implements KeyValueStore<Bytes, byte[]> {
        private final KeyValueStore<Bytes, byte[]> inner;

        CountingStore(KeyValueStore<Bytes, byte[]> inner) {
            this.inner = inner;
        }

        @Override
        public void put(Bytes key, byte[] value) {
            inner.put(key, value);
            version.incrementAndGet();
        }

        @Override
        public byte[] putIfAbsent(Bytes key, byte[] value) {
            byte[] previous = inner.putIfAbsent(key, value);
            version.incrementAndGet();
            return previous;
        }

        @Override
        public void putAll(List<KeyValue<Bytes, byte[]>> entries) {
            inner.putAll(entries);
            version.incrementAndGet();
        }

        @Override
        public byte[] delete(Bytes key) {
            byte[] previous = inner.delete(key);
            version.incrementAndGet();
            return previous;
        }

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public void init(StateStoreContext context, StateStore root) {
            inner.init(context, root);
            version.incrementAndGet();
        }

        @Override
        public void flush() {
            inner.flush();
        }

        @Override
        public void close() {
            inner.close();
        }

        @Override
        public boolean persistent() {
            return inner.persistent();
        }

        @Override
        public boolean isOpen() {
            return inner.isOpen();
        }

        @Override
        public byte[] get(Bytes key) {
            return inner.get(key);
        }

        @Override
        public KeyValueIterator<Bytes, byte[]> range(Bytes from, Bytes to) {
            return inner.range(from, to);
        }

        @Override
        public KeyValueIterator<Bytes, byte[]> all() {
            return inner.all();
        }

        @Override
        public long approximateNumEntries() {
            return inner.approximateNumEntries();
        }
    }
}
