package jp.ishigaki.console.web;

import jakarta.ws.rs.QueryParam;
import jp.ishigaki.console.queue.QueueFilter;

/** The queue's filter form as query parameters (bookmarkable). */
public class QueueParams {

    @QueryParam("state") String state;
    @QueryParam("severity") String severity;
    @QueryParam("group") String group;
    @QueryParam("threat") String threat;
    @QueryParam("segment") String segment;
    @QueryParam("assignee") String assignee;
    @QueryParam("ack") String ack;
    @QueryParam("q") String q;
    @QueryParam("sort") String sort;

    QueueFilter filter() {
        return new QueueFilter(state, severity, group, threat, segment, assignee, ack, q, sort);
    }
}
