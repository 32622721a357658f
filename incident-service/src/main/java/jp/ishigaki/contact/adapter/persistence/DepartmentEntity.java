package jp.ishigaki.contact.adapter.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jp.ishigaki.contact.domain.Department;

import java.time.Instant;

/** Row of {@code contact_department}. */
@Entity
@Table(name = "contact_department")
public class DepartmentEntity extends PanacheEntityBase {

    @Id
    public String id;

    public String name;

    @Column(name = "name_en")
    public String nameEn;

    @Column(name = "manager_id")
    public String managerId;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public Department toDepartment() {
        return new Department(id, name, nameEn, managerId);
    }
}
