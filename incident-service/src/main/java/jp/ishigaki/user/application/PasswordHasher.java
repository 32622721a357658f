package jp.ishigaki.user.application;

/** Hashes and checks passwords (bcrypt in Modular Crypt Format); the only place clear passwords are handled. */
public interface PasswordHasher {

    String hash(String password);

    boolean matches(char[] password, String hash);
}
