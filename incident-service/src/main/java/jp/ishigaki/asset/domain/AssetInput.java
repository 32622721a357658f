package jp.ishigaki.asset.domain;

import java.util.List;

/** An asset as written through the API or a CSV row, before validation. */
public record AssetInput(String id, String name, List<String> hosts, List<String> cidrs, String segment,
                         String department, String manager, String confidentiality, String integrity,
                         String availability) {
}
