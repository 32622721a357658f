package jp.ishigaki.console.rejected;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** Row of {@code dead_letter_replay}, read only through JPA (claims are conditional native statements). */
@Entity
@Table(name = "dead_letter_replay")
@IdClass(ReplayMarkEntity.Key.class)
public class ReplayMarkEntity {

    @Id
    public String topic;
    @Id
    @Column(name = "part")
    public int partition;
    @Id
    @Column(name = "off")
    public long offset;
    @Column(name = "replay_count")
    public int count;
    @Column(name = "first_by")
    public String firstBy;
    @Column(name = "first_at")
    public Instant firstAt;
    @Column(name = "last_by")
    public String lastBy;
    @Column(name = "last_at")
    public Instant lastAt;

    /** Topic, partition and offset. */
    public static class Key implements Serializable {
        public String topic;
        public int partition;
        public long offset;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(topic, k.topic) && partition == k.partition
                    && offset == k.offset;
        }

        @Override
        public int hashCode() {
            return Objects.hash(topic, partition, offset);
        }
    }
}
