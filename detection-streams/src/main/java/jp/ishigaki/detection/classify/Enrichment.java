package jp.ishigaki.detection.classify;

import jp.ishigaki.schemas.asset.Asset;
import jp.ishigaki.schemas.policy.Segment;

import java.util.List;
import java.util.Map;

/**
 * Where an event sits: its asset (by {@code host.name}, then {@code host.ip}, then {@code source.ip}, then
 * {@code destination.ip} — the city's server an outside source attacked — then {@code observer.name} — an appliance
 * such as a UPS or a switch that reports on itself) and its segment. The
 * event's own {@code labels.segment} wins, then the firewall zones ({@code observer.ingress.zone},
 * {@code observer.egress.zone}; the more sensitive one), then the inventory, then {@code unknown}.
 */
public record Enrichment(Asset asset, Segment segment, String segmentSource) {

    public static Enrichment of(Map<String, Object> flat, AssetIndex assets) {
        Asset asset = assets.byHost(text(flat.get("host.name")));
        if (asset == null) {
            asset = byAnyIp(flat.get("host.ip"), assets);
        }
        if (asset == null) {
            asset = byAnyIp(flat.get("source.ip"), assets);
        }
        if (asset == null) {
            asset = byAnyIp(flat.get("destination.ip"), assets);
        }
        if (asset == null) {
            asset = assets.byHost(text(flat.get("observer.name")));
        }
        Segment own = Segment.parseOrUnknown(text(flat.get("labels.segment")));
        if (own != Segment.UNKNOWN) {
            return new Enrichment(asset, own, "labels.segment");
        }
        Segment zones = mostSensitive(Segment.parseOrUnknown(text(flat.get("observer.ingress.zone"))),
                Segment.parseOrUnknown(text(flat.get("observer.egress.zone"))));
        if (zones != Segment.UNKNOWN) {
            return new Enrichment(asset, zones, "firewall zone");
        }
        if (asset != null && asset.segment() != null) {
            return new Enrichment(asset, asset.segment(), "asset " + asset.id());
        }
        return new Enrichment(asset, Segment.UNKNOWN, "none");
    }

    /** mynumber, then lgwan, internet, facility: the order of the policy's separation. */
    static Segment mostSensitive(Segment a, Segment b) {
        return rank(a) <= rank(b) ? a : b;
    }

    private static int rank(Segment s) {
        return switch (s) {
            case MYNUMBER -> 0;
            case LGWAN -> 1;
            case INTERNET -> 2;
            case FACILITY -> 3;
            case UNKNOWN -> 4;
        };
    }

    private static Asset byAnyIp(Object value, AssetIndex assets) {
        if (value instanceof List<?> list) {
            for (Object item : list) {
                Asset asset = assets.byIp(text(item));
                if (asset != null) {
                    return asset;
                }
            }
            return null;
        }
        return assets.byIp(text(value));
    }

    static String text(Object value) {
        return value instanceof String s ? s : value == null ? null : value instanceof Map || value instanceof List ? null : value.toString();
    }
}
