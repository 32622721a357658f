package jp.ishigaki.schemas.event;

/** Why a raw event was dead-lettered. */
public enum RejectReason {
    /** Not parseable as JSON. */
    NOT_JSON,
    /** Valid JSON but not an object. */
    NOT_AN_OBJECT,
    /** A required field is absent or empty. */
    MISSING_FIELD,
    /** A field has the wrong JSON type or an invalid value. */
    INVALID_FIELD,
    /** Nested and dotted keys give two different values for one field. */
    CONFLICTING_FIELD,
    /** The record exceeds the size limit. */
    TOO_LARGE,
    /** The record passed validation but its processing failed. */
    PROCESSING_FAILED
}
