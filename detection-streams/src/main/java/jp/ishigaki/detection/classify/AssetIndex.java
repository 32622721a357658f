package jp.ishigaki.detection.classify;

import jp.ishigaki.detection.net.Cidr;
import jp.ishigaki.schemas.asset.Asset;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The asset inventory indexed for enrichment: by host name (case-insensitive; the short name before the first dot
 * also matches) and by IP address within an asset's CIDR ranges, the most specific range winning.
 */
public final class AssetIndex {

    public static final AssetIndex EMPTY = new AssetIndex(List.of());

    private final Map<String, Asset> byHost = new HashMap<>();
    /** IPv4 ranges: prefix length (descending) → network → asset. */
    private final TreeMap<Integer, Map<Long, Asset>> v4 = new TreeMap<>(Comparator.reverseOrder());
    private final List<Map.Entry<Cidr, Asset>> v6 = new ArrayList<>();
    private final int size;

    public AssetIndex(Iterable<Asset> assets) {
        int n = 0;
        for (Asset asset : assets) {
            if (asset == null) {
                continue;
            }
            n++;
            for (String host : asset.hosts()) {
                String h = host.toLowerCase(Locale.ROOT);
                byHost.putIfAbsent(h, asset);
                int dot = h.indexOf('.');
                if (dot > 0) {
                    byHost.putIfAbsent(h.substring(0, dot), asset);
                }
            }
            for (String range : asset.cidrs()) {
                Cidr cidr;
                try {
                    cidr = Cidr.parse(range);
                } catch (IllegalArgumentException e) {
                    continue;
                }
                if (cidr.network().length == 4) {
                    long network = Cidr.IpAddresses.parseV4AsLong(ipv4Text(cidr.network()));
                    v4.computeIfAbsent(cidr.prefixLength(), k -> new HashMap<>()).putIfAbsent(network, asset);
                } else {
                    v6.add(Map.entry(cidr, asset));
                }
            }
        }
        v6.sort(Comparator.comparingInt((Map.Entry<Cidr, Asset> e) -> e.getKey().prefixLength()).reversed());
        this.size = n;
    }

    public int size() {
        return size;
    }

    public Asset byHost(String host) {
        if (host == null || host.isEmpty()) {
            return null;
        }
        String h = host.toLowerCase(Locale.ROOT);
        Asset asset = byHost.get(h);
        if (asset == null) {
            int dot = h.indexOf('.');
            if (dot > 0) {
                asset = byHost.get(h.substring(0, dot));
            }
        }
        return asset;
    }

    public Asset byIp(String ip) {
        if (ip == null || ip.isEmpty()) {
            return null;
        }
        long v4address = Cidr.IpAddresses.parseV4AsLong(ip);
        if (v4address >= 0) {
            for (Map.Entry<Integer, Map<Long, Asset>> entry : v4.entrySet()) {
                int prefix = entry.getKey();
                long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
                Asset asset = entry.getValue().get(v4address & mask);
                if (asset != null) {
                    return asset;
                }
            }
            return null;
        }
        byte[] address = Cidr.IpAddresses.parse(ip);
        if (address == null) {
            return null;
        }
        for (Map.Entry<Cidr, Asset> entry : v6) {
            if (entry.getKey().contains(address)) {
                return entry.getValue();
            }
        }
        return null;
    }

    private static String ipv4Text(byte[] b) {
        return (b[0] & 0xFF) + "." + (b[1] & 0xFF) + "." + (b[2] & 0xFF) + "." + (b[3] & 0xFF);
    }
}
