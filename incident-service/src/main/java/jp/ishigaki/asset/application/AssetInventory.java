package jp.ishigaki.asset.application;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jp.ishigaki.asset.adapter.persistence.AssetEntity;
import jp.ishigaki.asset.domain.AssetCsv;
import jp.ishigaki.asset.domain.AssetInput;
import jp.ishigaki.asset.domain.AssetRules;
import jp.ishigaki.asset.domain.Csv;
import jp.ishigaki.outbox.Outbox;
import jp.ishigaki.schemas.asset.Asset;
import jp.ishigaki.schemas.topic.Topics;
import jp.ishigaki.user.application.Rejected;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Use cases on the asset inventory (情報資産台帳): search, create, update, delete and CSV import. Every change is
 * written to the outbox in the same transaction, so {@code security.assets} follows the table (tombstone on delete).
 */
@ApplicationScoped
public class AssetInventory {

    private static final Map<String, String> SORTS = Map.of("id", "id", "name", "name", "segment", "segment",
            "department", "department", "confidentiality", "confidentiality", "updatedAt", "updatedAt");

    private final Outbox outbox;
    private final AssetConfig config;

    public AssetInventory(Outbox outbox, AssetConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    /** Search by free text (id, name, host, department, manager), segment, department and confidentiality. */
    @Transactional
    public AssetPage search(String text, String segment, String department, String confidentiality, String sort,
                            int page, int size) {
        if (page < 0 || size < 1 || size > config.maxPageSize()) {
            throw Rejected.invalid("size", "page must be ≥ 0 and size between 1 and " + config.maxPageSize());
        }
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (text != null && !text.isBlank()) {
            where.append(" and (lower(a.id) like :q or lower(a.name) like :q or lower(a.department) like :q"
                    + " or lower(a.manager) like :q or exists (select 1 from AssetEntity b join b.hosts h"
                    + " where b = a and h like :q) or exists (select 1 from AssetEntity c join c.cidrs r"
                    + " where c = a and r like :q))");
            params.and("q", "%" + text.trim().toLowerCase(Locale.ROOT) + "%");
        }
        if (segment != null && !segment.isBlank()) {
            where.append(" and a.segment = :segment");
            params.and("segment", segment.trim().toLowerCase(Locale.ROOT));
        }
        if (department != null && !department.isBlank()) {
            where.append(" and a.department = :department");
            params.and("department", department.trim());
        }
        if (confidentiality != null && !confidentiality.isBlank()) {
            where.append(" and a.confidentiality = :confidentiality");
            params.and("confidentiality", confidentiality.trim().toUpperCase(Locale.ROOT));
        }
        Sort order = sort(sort);
        PanacheQuery<AssetEntity> query = AssetEntity.find("from AssetEntity a where " + where, order, params);
        long total = query.count();
        List<Asset> items = query.page(Page.of(page, size)).list().stream().map(AssetEntity::toAsset).toList();
        return new AssetPage(items, page, size, total);
    }

    @Transactional
    public Asset get(String id) {
        return find(id).toAsset();
    }

    /**
     * The assets with one of these ids or naming one of these hosts (case-insensitive): the affected assets of an
     * incident, with their classification.
     */
    @Transactional
    public List<Asset> lookup(Collection<String> ids, Collection<String> hosts) {
        List<String> wantedIds = ids.stream().filter(s -> s != null && !s.isBlank()).distinct().toList();
        List<String> wantedHosts = hosts.stream().filter(s -> s != null && !s.isBlank())
                .map(h -> h.trim().toLowerCase(Locale.ROOT)).distinct().toList();
        if (wantedIds.isEmpty() && wantedHosts.isEmpty()) {
            return List.of();
        }
        return AssetEntity.<AssetEntity>find("select distinct a from AssetEntity a left join a.hosts h"
                        + " where a.id in ?1 or lower(h) in ?2 order by a.id",
                        wantedIds.isEmpty() ? List.of("") : wantedIds, wantedHosts.isEmpty() ? List.of("") : wantedHosts)
                .list().stream().map(AssetEntity::toAsset).toList();
    }

    @Transactional
    public Asset create(AssetInput input) {
        AssetInput asset = checked(input);
        if (AssetEntity.findById(asset.id()) != null) {
            throw Rejected.conflict("asset '" + asset.id() + "' already exists");
        }
        return save(new AssetEntity(), asset, true);
    }

    @Transactional
    public Asset update(String id, AssetInput input) {
        AssetEntity e = find(id);
        AssetInput asset = checked(new AssetInput(id, input.name(), input.hosts(), input.cidrs(), input.segment(),
                input.department(), input.manager(), input.confidentiality(), input.integrity(), input.availability()));
        return save(e, asset, false);
    }

    @Transactional
    public void delete(String id) {
        AssetEntity e = find(id);
        e.delete();
        outbox.append(Topics.ASSETS, e.id, e.id, null);
        Log.infof("asset %s deleted", e.id);
    }

    /**
     * Imports a CSV file: each valid row creates or updates its asset (in its own transaction, published like any
     * other change); each invalid row is reported and left out. A file without a usable header is refused whole.
     */
    public ImportReport importCsv(String text) {
        List<Csv.Row> rows;
        try {
            rows = Csv.parse(text == null ? "" : text);
        } catch (Csv.Malformed e) {
            throw Rejected.invalid("file", e.getMessage());
        }
        if (rows.isEmpty()) {
            throw Rejected.invalid("file", "is empty; expected a header row and one asset per row");
        }
        List<String> headerProblems = new ArrayList<>();
        AssetCsv.Header header = AssetCsv.header(rows.get(0).fields(), headerProblems);
        if (!headerProblems.isEmpty()) {
            throw Rejected.invalid(headerProblems.stream().map(p -> new Rejected.FieldError("header", p)).toList());
        }
        List<Csv.Row> data = rows.subList(1, rows.size()).stream().filter(r -> !r.blank()).toList();
        if (data.size() > config.importMaxRows()) {
            throw Rejected.invalid("file", "has " + data.size() + " rows; at most " + config.importMaxRows()
                    + " per import");
        }
        List<ImportReport.RowError> errors = new ArrayList<>();
        Set<Integer> rejected = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        int created = 0;
        int updated = 0;
        for (Csv.Row row : data) {
            AssetRules.Checked checked = AssetRules.check(header.read(row.fields()), scales());
            if (checked.asset().id() != null && seen.containsKey(checked.asset().id())) {
                errors.add(new ImportReport.RowError(row.line(), "id",
                        "'" + checked.asset().id() + "' already appears in row " + seen.get(checked.asset().id())));
                rejected.add(row.line());
                continue;
            }
            if (!checked.valid()) {
                checked.problems().forEach(p -> errors.add(new ImportReport.RowError(row.line(), p.field(), p.problem())));
                rejected.add(row.line());
                continue;
            }
            seen.put(checked.asset().id(), row.line());
            boolean isNew = QuarkusTransaction.requiringNew().call(() -> {
                AssetEntity existing = AssetEntity.findById(checked.asset().id());
                save(existing == null ? new AssetEntity() : existing, checked.asset(), existing == null);
                return existing == null;
            });
            if (isNew) {
                created++;
            } else {
                updated++;
            }
        }
        Log.infof("asset import: %d rows, %d created, %d updated, %d rejected", data.size(), created, updated,
                rejected.size());
        return new ImportReport(data.size(), created, updated, rejected.size(), errors);
    }

    private Asset save(AssetEntity e, AssetInput a, boolean isNew) {
        Instant now = Instant.now();
        e.id = a.id();
        e.name = a.name();
        e.hosts = new HashSet<>(a.hosts());
        e.cidrs = new HashSet<>(a.cidrs());
        e.segment = a.segment();
        e.department = a.department();
        e.manager = a.manager();
        e.confidentiality = a.confidentiality();
        e.integrity = a.integrity();
        e.availability = a.availability();
        e.updatedAt = now;
        if (isNew) {
            e.createdAt = now;
            e.persist();
        }
        Asset asset = e.toAsset();
        outbox.append(Topics.ASSETS, asset.id(), asset.id(), asset);
        return asset;
    }

    private AssetInput checked(AssetInput input) {
        AssetRules.Checked checked = AssetRules.check(input, scales());
        if (!checked.valid()) {
            throw Rejected.invalid(checked.problems().stream()
                    .map(p -> new Rejected.FieldError(p.field(), p.problem())).toList());
        }
        return checked.asset();
    }

    private AssetRules.Scales scales() {
        return new AssetRules.Scales(config.confidentialityClasses(), config.integrityClasses(),
                config.availabilityClasses());
    }

    private static Sort sort(String sort) {
        if (sort == null || sort.isBlank()) {
            return Sort.by("a.id");
        }
        boolean descending = sort.startsWith("-");
        String key = descending ? sort.substring(1) : sort;
        String column = SORTS.get(key);
        if (column == null) {
            throw Rejected.invalid("sort", "unknown sort '" + key + "' (expected one of " + String.join(", ",
                    SORTS.keySet().stream().sorted().toList()) + ", with '-' for descending)");
        }
        return Sort.by("a." + column, descending ? Sort.Direction.Descending : Sort.Direction.Ascending)
                .and("a.id");
    }

    private static AssetEntity find(String id) {
        AssetEntity e = AssetEntity.findById(id);
        if (e == null) {
            throw Rejected.notFound("no asset '" + id + "'");
        }
        return e;
    }
}
