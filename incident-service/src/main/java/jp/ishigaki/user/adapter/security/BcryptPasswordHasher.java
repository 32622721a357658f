package jp.ishigaki.user.adapter.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jp.ishigaki.user.application.PasswordHasher;
import org.wildfly.security.password.Password;
import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.WildFlyElytronPasswordProvider;
import org.wildfly.security.password.interfaces.BCryptPassword;
import org.wildfly.security.password.util.ModularCrypt;

import java.security.GeneralSecurityException;
import java.security.Provider;

/** bcrypt through Quarkus' {@link BcryptUtil} (cost 10) and Elytron's verifier, the format quarkus-security-jpa uses. */
@ApplicationScoped
public class BcryptPasswordHasher implements PasswordHasher {

    private static final Provider PROVIDER = new WildFlyElytronPasswordProvider();

    @Override
    public String hash(String password) {
        return BcryptUtil.bcryptHash(password);
    }

    @Override
    public boolean matches(char[] password, String hash) {
        if (hash == null || password == null) {
            return false;
        }
        try {
            PasswordFactory factory = PasswordFactory.getInstance(BCryptPassword.ALGORITHM_BCRYPT, PROVIDER);
            Password stored = factory.translate(ModularCrypt.decode(hash));
            return factory.verify(stored, password);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
