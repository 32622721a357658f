package jp.ishigaki.common;

/** A request that fails validation: rendered as 400 problem+json with the message. */
public class InvalidRequestException extends RuntimeException {

    public InvalidRequestException(String message) {
        super(message);
    }
}
