package jp.ishigaki.detection.topology;

import jp.ishigaki.schemas.event.RejectReason;

/**
 * What happened to each input record. For every received record exactly one of classified, discarded or
 * dead-lettered is counted, so {@code received = classified + discarded + deadLettered}.
 */
public interface PipelineCounters {

    void received();

    void classified();

    void discarded(String reason);

    void deadLettered(RejectReason reason);

    /** Rule hits a classified event sent on to dedup and correlation. */
    void hitsEmitted(int hits);

    /** Rule hits taken through dedup and correlation (emitted minus processed is the backlog between them). */
    void hitsProcessed(long hits);

    void detectionPublished();

    /** A rule hit that could not be turned into a detection (logged; its event was already classified). */
    void detectionFailed();

    /** Rule hits of events already counted in their open detection (replays): ignored. */
    void replaysIgnored(long hits);

    PipelineCounters NONE = new PipelineCounters() {
        @Override
        public void received() {
        }

        @Override
        public void classified() {
        }

        @Override
        public void discarded(String reason) {
        }

        @Override
        public void deadLettered(RejectReason reason) {
        }

        @Override
        public void hitsEmitted(int hits) {
        }

        @Override
        public void hitsProcessed(long hits) {
        }

        @Override
        public void detectionPublished() {
        }

        @Override
        public void detectionFailed() {
        }

        @Override
        public void replaysIgnored(long hits) {
        }
    };
}
