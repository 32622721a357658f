package jp.ishigaki.user.adapter.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jp.ishigaki.user.domain.Role;
import jp.ishigaki.user.domain.UserAccount;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Row of {@code app_user}: a user with bcrypt hash, roles (comma-separated codes) and lockout state. */
@Entity
@Table(name = "app_user")
public class UserEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String username;

    @Column(name = "password_hash")
    public String passwordHash;

    public String roles;

    public boolean enabled;

    @Column(name = "failed_logins")
    public int failedLogins;

    @Column(name = "locked_until")
    public Instant lockedUntil;

    @Column(name = "person_id")
    public String personId;

    @Column(name = "display_name")
    public String displayName;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static Optional<UserEntity> byUsername(String username) {
        return find("username", username).firstResultOptional();
    }

    public Set<Role> roleSet() {
        if (roles == null || roles.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(roles.split(",")).map(Role::ofCode).flatMap(Optional::stream)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    public void roleSet(Set<Role> newRoles) {
        roles = newRoles.stream().sorted().map(Role::code).collect(Collectors.joining(","));
    }

    public UserAccount toAccount() {
        return new UserAccount(username, displayName, roleSet(), enabled, failedLogins, lockedUntil, personId,
                createdAt, updatedAt);
    }
}
