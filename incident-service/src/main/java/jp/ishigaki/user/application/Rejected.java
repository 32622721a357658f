package jp.ishigaki.user.application;

import java.util.List;

/**
 * A request the users, contacts or asset services refuse, with a message fit for the client; rendered as
 * {@code application/problem+json} by the REST adapter.
 */
public class Rejected extends RuntimeException {

    /** What kind of refusal, which decides the HTTP status. */
    public enum Kind { INVALID, NOT_FOUND, CONFLICT, FORBIDDEN }

    /** One invalid field and what is wrong with it. */
    public record FieldError(String field, String problem) {
    }

    private final Kind kind;
    private final List<FieldError> errors;

    public Rejected(Kind kind, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.kind = kind;
        this.errors = List.copyOf(errors);
    }

    public static Rejected invalid(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).problem()
                : errors.size() + " fields are invalid";
        return new Rejected(Kind.INVALID, detail, errors);
    }

    public static Rejected invalid(String field, String problem) {
        return invalid(List.of(new FieldError(field, problem)));
    }

    public static Rejected notFound(String detail) {
        return new Rejected(Kind.NOT_FOUND, detail, List.of());
    }

    public static Rejected conflict(String detail) {
        return new Rejected(Kind.CONFLICT, detail, List.of());
    }

    public static Rejected forbidden(String detail) {
        return new Rejected(Kind.FORBIDDEN, detail, List.of());
    }

    public Kind kind() {
        return kind;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
