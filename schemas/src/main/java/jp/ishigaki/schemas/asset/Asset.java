package jp.ishigaki.schemas.asset;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jp.ishigaki.schemas.policy.Segment;

import java.time.Instant;
import java.util.List;

/**
 * One entry of the asset inventory (情報資産台帳), the value of the compacted {@code security.assets} topic.
 * Classification follows the guideline of 令和6年10月: 自治体機密性 3A/3B/3C/2/1, integrity and availability 2/1.
 */
public record Asset(
        String id,
        String name,
        List<String> hosts,
        List<String> cidrs,
        Segment segment,
        String department,
        String manager,
        String confidentiality,
        String integrity,
        String availability,
        Instant updatedAt) {

    public Asset {
        hosts = hosts == null ? List.of() : List.copyOf(hosts);
        cidrs = cidrs == null ? List.of() : List.copyOf(cidrs);
    }

    /** 自治体機密性 3A/3B, or integrity/availability 2: severity goes one step up (DOMAIN.md §4). */
    @JsonIgnore
    public boolean isHighlyClassified() {
        return "3A".equals(confidentiality) || "3B".equals(confidentiality)
                || "2".equals(integrity) || "2".equals(availability);
    }
}
