package jp.ishigaki.outbox;

/** One pending outbox row as the relay reads it. */
record OutboxRow(long id, String aggregateId, String topic, String key, byte[] payload) {
}
