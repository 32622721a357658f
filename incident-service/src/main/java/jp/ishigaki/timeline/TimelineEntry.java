package jp.ishigaki.timeline;

import java.time.Instant;

/** One entry of an incident's append-only timeline, with its place in the hash chain. */
public record TimelineEntry(String incidentId, int seq, Instant at, String actor, String type, String text,
                            String prevHash, String hash) {
}
