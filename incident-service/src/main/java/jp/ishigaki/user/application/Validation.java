package jp.ishigaki.user.application;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Collects field errors of one request and throws them together as a {@link Rejected}. */
public final class Validation {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final List<Rejected.FieldError> errors = new ArrayList<>();

    public Validation require(boolean ok, String field, String problem) {
        if (!ok) {
            errors.add(new Rejected.FieldError(field, problem));
        }
        return this;
    }

    public Validation required(String value, String field) {
        return require(value != null && !value.isBlank(), field, "is required");
    }

    public Validation maxLength(String value, int max, String field) {
        return require(value == null || value.length() <= max, field, "is longer than " + max + " characters");
    }

    public Validation email(String value, String field) {
        return require(value == null || value.isBlank() || EMAIL.matcher(value).matches(), field,
                "is not an e-mail address");
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw Rejected.invalid(errors);
        }
    }
}
