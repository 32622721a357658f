package jp.ishigaki.platform.launcher;

/** The database a service uses: JDBC URL and the service's own account. */
public record DbAccount(String jdbcUrl, String user, String password) {

    @Override
    public String toString() {
        return "DbAccount[" + jdbcUrl + ", user " + user + "]";
    }
}
