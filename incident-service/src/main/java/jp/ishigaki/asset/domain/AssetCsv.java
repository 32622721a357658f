package jp.ishigaki.asset.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The CSV layout of the asset inventory: a header row naming the columns (English or the usual Japanese headings of
 * a 情報資産台帳), then one asset per row; hosts and IP ranges separated by ';', '|' or spaces within their cell.
 */
public final class AssetCsv {

    /** The columns, with the header names each accepts. */
    public enum Column {
        ID(true, "id", "資産id", "資産番号", "管理番号"),
        NAME(true, "name", "名称", "資産名", "情報資産名"),
        HOSTS(false, "hosts", "host", "ホスト", "ホスト名"),
        CIDRS(false, "cidrs", "cidr", "ip", "ipアドレス", "ipアドレス範囲"),
        SEGMENT(true, "segment", "セグメント", "ネットワーク", "系統"),
        DEPARTMENT(true, "department", "所管課", "所管部署", "部署"),
        MANAGER(false, "manager", "管理者", "責任者", "情報セキュリティ管理者"),
        CONFIDENTIALITY(true, "confidentiality", "機密性", "自治体機密性"),
        INTEGRITY(true, "integrity", "完全性"),
        AVAILABILITY(true, "availability", "可用性");

        private final boolean required;
        private final List<String> names;

        Column(boolean required, String... names) {
            this.required = required;
            this.names = List.of(names);
        }

        public String code() {
            return names.get(0);
        }
    }

    /** The header: which field index holds which column. */
    public record Header(Map<Column, Integer> index) {

        public AssetInput read(List<String> fields) {
            return new AssetInput(get(fields, Column.ID), get(fields, Column.NAME), split(get(fields, Column.HOSTS)),
                    split(get(fields, Column.CIDRS)), get(fields, Column.SEGMENT), get(fields, Column.DEPARTMENT),
                    get(fields, Column.MANAGER), get(fields, Column.CONFIDENTIALITY), get(fields, Column.INTEGRITY),
                    get(fields, Column.AVAILABILITY));
        }

        private String get(List<String> fields, Column column) {
            Integer i = index.get(column);
            return i == null || i >= fields.size() ? null : fields.get(i);
        }
    }

    private AssetCsv() {
    }

    /** Reads the header row; the problems name missing or repeated columns (empty when the header is usable). */
    public static Header header(List<String> fields, List<String> problems) {
        Map<Column, Integer> index = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            String name = fields.get(i).trim().toLowerCase(Locale.ROOT).replace(" ", "").replace("_", "");
            Optional<Column> column = Arrays.stream(Column.values()).filter(c -> c.names.contains(name)).findFirst();
            if (column.isPresent() && index.putIfAbsent(column.get(), i) != null) {
                problems.add("column '" + column.get().code() + "' appears twice");
            }
        }
        for (Column c : Column.values()) {
            if (c.required && !index.containsKey(c)) {
                problems.add("missing column '" + c.code() + "' (accepted names: " + String.join(", ", c.names) + ")");
            }
        }
        return new Header(index);
    }

    static List<String> split(String cell) {
        if (cell == null || cell.isBlank()) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (String v : cell.split("[;|\\s、]+")) {
            if (!v.isBlank()) {
                values.add(v.trim());
            }
        }
        return values;
    }
}
