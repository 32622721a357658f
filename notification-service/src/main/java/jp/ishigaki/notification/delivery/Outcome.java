package jp.ishigaki.notification.delivery;

/** What one send to one recipient came to. A permanent failure is not retried (e.g. an unknown webhook name). */
public sealed interface Outcome {

    record Sent() implements Outcome {
    }

    record Failed(String error, boolean permanent) implements Outcome {
    }

    static Outcome sent() {
        return new Sent();
    }

    static Outcome failed(String error) {
        return new Failed(error, false);
    }

    static Outcome permanentlyFailed(String error) {
        return new Failed(error, true);
    }
}
