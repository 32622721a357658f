package jp.ishigaki.schemas.asset;

import jp.ishigaki.schemas.topic.Json;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An asset's JSON ({@link Json#mapper()}'s bytes) and back, each computed once per distinct asset: an inventory has
 * few assets, and most classified events and rule hits carry one, so writing its Japanese names again for every
 * event was the costliest part of encoding it. Beyond {@value #MAX_CACHED} distinct assets (an inventory reloaded
 * many times over) a cache starts again.
 */
public final class AssetJson {

    private static final int MAX_CACHED = 4_096;
    private static final Map<Asset, byte[]> BYTES = new ConcurrentHashMap<>();
    private static final Map<JsonKey, Asset> ASSETS = new ConcurrentHashMap<>();

    private AssetJson() {
    }

    /** The asset's JSON; shared, so the caller must not change the array. */
    public static byte[] bytes(Asset asset) throws IOException {
        byte[] json = BYTES.get(asset);
        if (json == null) {
            json = Json.mapper().writeValueAsBytes(asset);
            cache(BYTES, asset, json);
        }
        return json;
    }

    /** The asset these bytes hold (as {@link #bytes} writes them); the caller must not change the array afterwards. */
    public static Asset read(byte[] json) throws IOException {
        JsonKey key = JsonKey.of(json);
        Asset asset = ASSETS.get(key);
        if (asset == null) {
            asset = Json.mapper().readValue(json, Asset.class);
            cache(ASSETS, key, asset);
        }
        return asset;
    }

    /**
     * An asset's JSON as a map key: hashed over its length and first bytes, where its id stands, and compared whole.
     * Hashing all of it, Japanese names included, as {@code ByteBuffer} does, took 1.5 % of the detection topology's
     * stream threads (it is read back for every rule hit crossing the repartition topic).
     */
    private record JsonKey(byte[] json, int hash) {

        private static final int HASHED = 64;

        static JsonKey of(byte[] json) {
            int hash = json.length;
            for (int i = 0, n = Math.min(json.length, HASHED); i < n; i++) {
                hash = 31 * hash + json[i];
            }
            return new JsonKey(json, hash);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof JsonKey key && key.hash == hash && Arrays.equals(key.json, json);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public String toString() {
            return "JsonKey[" + json.length + " bytes]";
        }
    }

    private static <K, V> void cache(Map<K, V> cache, K key, V value) {
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        cache.put(key, value);
    }
}
