package jp.ishigaki.contact.domain;

/**
 * The person who receives a notice for one role: the holder themselves, or the deputy standing in for an unavailable
 * holder ({@code absent} and {@code reason} set).
 */
public record Assignment(ContactRole role, Person person, Person absent, String reason) {

    public boolean redirected() {
        return absent != null;
    }
}
