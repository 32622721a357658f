package jp.ishigaki.contact.domain;

/** A section of the city (課) with its information security manager (情報セキュリティ管理者). */
public record Department(String id, String name, String nameEn, String managerId) {

    /** A department is named in the asset inventory by its id or by its name. */
    public boolean isNamed(String idOrName) {
        return idOrName != null && (idOrName.equals(id) || idOrName.equals(name));
    }
}
