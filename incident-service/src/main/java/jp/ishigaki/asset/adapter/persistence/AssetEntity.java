package jp.ishigaki.asset.adapter.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jp.ishigaki.schemas.asset.Asset;
import jp.ishigaki.schemas.policy.Segment;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/** Row of {@code asset} with its host names and IP ranges. */
@Entity
@Table(name = "asset")
public class AssetEntity extends PanacheEntityBase {

    @Id
    public String id;

    public String name;

    public String segment;

    public String department;

    public String manager;

    public String confidentiality;

    public String integrity;

    public String availability;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "asset_host", joinColumns = @JoinColumn(name = "asset_id"))
    @Column(name = "host")
    public Set<String> hosts = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "asset_cidr", joinColumns = @JoinColumn(name = "asset_id"))
    @Column(name = "cidr")
    public Set<String> cidrs = new HashSet<>();

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The contract record published on {@code security.assets}. */
    public Asset toAsset() {
        return new Asset(id, name, hosts.stream().sorted().toList(), cidrs.stream().sorted().toList(),
                Segment.ofCode(segment), department, manager, confidentiality, integrity, availability, updatedAt);
    }
}
