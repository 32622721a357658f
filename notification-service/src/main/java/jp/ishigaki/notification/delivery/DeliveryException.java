package jp.ishigaki.notification.delivery;

/** A send failed; {@code permanent} when retrying cannot help (bad address, unknown endpoint, 4xx). */
public class DeliveryException extends Exception {

    private final boolean permanent;

    public DeliveryException(String message, boolean permanent) {
        super(message);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
