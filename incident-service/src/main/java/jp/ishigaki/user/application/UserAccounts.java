package jp.ishigaki.user.application;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jp.ishigaki.user.adapter.persistence.UserEntity;
import jp.ishigaki.user.domain.LoginOutcome;
import jp.ishigaki.user.domain.Role;
import jp.ishigaki.user.domain.UserAccount;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** Use cases on users: administration, password changes, and the login check with lockout. */
@ApplicationScoped
public class UserAccounts {

    static final Pattern USERNAME = Pattern.compile("^[a-z0-9][a-z0-9._-]{2,63}$");

    /** A new user as requested by an administrator. */
    public record NewUser(String username, String password, Set<String> roles, String displayName, String personId,
                          Boolean enabled) {
    }

    /** Changes to a user; {@code null} leaves a field as it is. */
    public record UserChange(Set<String> roles, String displayName, String personId, Boolean enabled) {
    }

    private final AuthConfig config;
    private final PasswordHasher hasher;
    private final String dummyHash;

    public UserAccounts(AuthConfig config, PasswordHasher hasher) {
        this.config = config;
        this.hasher = hasher;
        this.dummyHash = hasher.hash(UUID.randomUUID().toString());
    }

    @Transactional
    public List<UserAccount> list() {
        return UserEntity.<UserEntity>listAll().stream()
                .sorted((a, b) -> a.username.compareTo(b.username))
                .map(UserEntity::toAccount).toList();
    }

    @Transactional
    public UserAccount get(String username) {
        return find(username).toAccount();
    }

    @Transactional
    public boolean exists(String username) {
        return UserEntity.byUsername(username).isPresent();
    }

    @Transactional
    public UserAccount create(NewUser user) {
        Validation v = new Validation();
        v.require(user.username() != null && USERNAME.matcher(user.username()).matches(), "username",
                "must be 3–64 characters: lower-case letters, digits, '.', '_' or '-'");
        checkPassword(v, user.password(), "password");
        Set<Role> roles = roles(v, user.roles(), true);
        v.maxLength(user.displayName(), 200, "displayName").maxLength(user.personId(), 64, "personId");
        v.throwIfInvalid();
        if (UserEntity.byUsername(user.username()).isPresent()) {
            throw Rejected.conflict("user '" + user.username() + "' already exists");
        }
        UserEntity e = new UserEntity();
        e.username = user.username();
        e.passwordHash = hasher.hash(user.password());
        e.roleSet(roles);
        e.enabled = user.enabled() == null || user.enabled();
        e.displayName = blankToNull(user.displayName());
        e.personId = blankToNull(user.personId());
        e.createdAt = Instant.now();
        e.updatedAt = e.createdAt;
        e.persist();
        Log.infof("user %s created with roles %s", e.username, e.roles);
        return e.toAccount();
    }

    @Transactional
    public UserAccount update(String username, UserChange change, String actingUser) {
        UserEntity e = find(username);
        Validation v = new Validation();
        Set<Role> roles = change.roles() == null ? null : roles(v, change.roles(), true);
        v.maxLength(change.displayName(), 200, "displayName").maxLength(change.personId(), 64, "personId");
        v.throwIfInvalid();
        boolean losesAdmin = (roles != null && !roles.contains(Role.ADMIN))
                || (change.enabled() != null && !change.enabled());
        if (losesAdmin && e.roleSet().contains(Role.ADMIN) && e.enabled) {
            if (e.username.equals(actingUser)) {
                throw Rejected.forbidden("you cannot remove your own administrator access");
            }
            requireAnotherAdmin(e);
        }
        if (roles != null) {
            e.roleSet(roles);
        }
        if (change.displayName() != null) {
            e.displayName = blankToNull(change.displayName());
        }
        if (change.personId() != null) {
            e.personId = blankToNull(change.personId());
        }
        if (change.enabled() != null) {
            e.enabled = change.enabled();
        }
        e.updatedAt = Instant.now();
        Log.infof("user %s updated by %s: roles %s, enabled %s", e.username, actingUser, e.roles, e.enabled);
        return e.toAccount();
    }

    @Transactional
    public void setPassword(String username, String password) {
        UserEntity e = find(username);
        Validation v = new Validation();
        checkPassword(v, password, "password");
        v.throwIfInvalid();
        e.passwordHash = hasher.hash(password);
        e.failedLogins = 0;
        e.lockedUntil = null;
        e.updatedAt = Instant.now();
        Log.infof("password of user %s reset by an administrator", e.username);
    }

    @Transactional
    public void changeOwnPassword(String username, String currentPassword, String newPassword) {
        UserEntity e = find(username);
        if (currentPassword == null || !hasher.matches(currentPassword.toCharArray(), e.passwordHash)) {
            throw Rejected.invalid("currentPassword", "does not match");
        }
        Validation v = new Validation();
        checkPassword(v, newPassword, "newPassword");
        v.require(newPassword == null || !newPassword.equals(currentPassword), "newPassword",
                "must differ from the current password");
        v.throwIfInvalid();
        e.passwordHash = hasher.hash(newPassword);
        e.updatedAt = Instant.now();
        Log.infof("user %s changed their password", e.username);
    }

    @Transactional
    public UserAccount unlock(String username) {
        UserEntity e = find(username);
        e.failedLogins = 0;
        e.lockedUntil = null;
        e.updatedAt = Instant.now();
        return e.toAccount();
    }

    @Transactional
    public void delete(String username, String actingUser) {
        UserEntity e = find(username);
        if (e.username.equals(actingUser)) {
            throw Rejected.forbidden("you cannot delete your own account");
        }
        if (e.roleSet().contains(Role.ADMIN) && e.enabled) {
            requireAnotherAdmin(e);
        }
        e.delete();
        Log.infof("user %s deleted by %s", e.username, actingUser);
    }

    /**
     * Checks a login. Wrong passwords count towards the lockout; a locked or disabled account is refused even with
     * the right password. An unknown user costs a bcrypt check too, so timing does not tell which names exist.
     */
    @Transactional
    public LoginOutcome login(String username, char[] password) {
        UserEntity e = username == null ? null : UserEntity.<UserEntity>find("username", username)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        if (e == null) {
            hasher.matches(password, dummyHash);
            return new LoginOutcome.Refused("unknown user");
        }
        Instant now = Instant.now();
        if (e.lockedUntil != null && e.lockedUntil.isAfter(now)) {
            return new LoginOutcome.Refused("locked until " + e.lockedUntil);
        }
        boolean matches = hasher.matches(password, e.passwordHash);
        if (!matches) {
            e.failedLogins++;
            if (e.failedLogins >= config.maxFailedLogins()) {
                e.lockedUntil = now.plus(config.lockoutDuration());
                e.failedLogins = 0;
                Log.warnf("user %s locked until %s after %d failed logins", e.username, e.lockedUntil,
                        config.maxFailedLogins());
            }
            return new LoginOutcome.Refused("wrong password");
        }
        if (!e.enabled) {
            return new LoginOutcome.Refused("disabled");
        }
        if (e.failedLogins != 0 || e.lockedUntil != null) {
            e.failedLogins = 0;
            e.lockedUntil = null;
        }
        return new LoginOutcome.Accepted(e.username, e.roleSet());
    }

    /** Creates {@code username} with the given roles unless it exists; returns whether it was created. */
    @Transactional
    public boolean createIfAbsent(String username, String password, Set<Role> roles, String displayName) {
        if (UserEntity.byUsername(username).isPresent()) {
            return false;
        }
        UserEntity e = new UserEntity();
        e.username = username;
        e.passwordHash = hasher.hash(password);
        e.roleSet(roles);
        e.enabled = true;
        e.displayName = displayName;
        e.createdAt = Instant.now();
        e.updatedAt = e.createdAt;
        e.persist();
        return true;
    }

    public int passwordMinLength() {
        return config.passwordMinLength();
    }

    private void checkPassword(Validation v, String password, String field) {
        v.require(password != null && password.length() >= config.passwordMinLength(), field,
                "must have at least " + config.passwordMinLength() + " characters");
        v.maxLength(password, 72, field);
    }

    private static Set<Role> roles(Validation v, Set<String> codes, boolean required) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (codes == null || codes.isEmpty()) {
            v.require(!required, "roles", "at least one role is required");
            return roles;
        }
        for (String code : codes) {
            Role.ofCode(code).ifPresentOrElse(roles::add,
                    () -> v.require(false, "roles", "unknown role '" + code
                            + "' (expected operator, manager, supervisor, ciso, auditor, admin)"));
        }
        return roles;
    }

    private void requireAnotherAdmin(UserEntity e) {
        long otherAdmins = UserEntity.<UserEntity>find("enabled = true and id <> ?1", e.id).stream()
                .filter(u -> u.roleSet().contains(Role.ADMIN)).count();
        if (otherAdmins == 0) {
            throw Rejected.conflict("'" + e.username + "' is the last enabled administrator");
        }
    }

    private static UserEntity find(String username) {
        return UserEntity.byUsername(username)
                .orElseThrow(() -> Rejected.notFound("no user '" + username + "'"));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
