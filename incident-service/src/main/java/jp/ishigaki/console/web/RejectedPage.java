package jp.ishigaki.console.web;

import io.quarkus.logging.Log;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import jp.ishigaki.console.i18n.ConsoleLanguage;
import jp.ishigaki.console.rejected.DeadLetters;
import jp.ishigaki.console.rejected.ReplayMarks;
import jp.ishigaki.schemas.event.DeadLetter;
import jp.ishigaki.schemas.event.RejectReason;
import jp.ishigaki.schemas.topic.Topics;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rejected events: the latest records of {@code security.events.dlq} with reason, detail, source position, time and
 * the original value; staff (not the auditor) may edit a value and replay it to {@code security.events.raw} under
 * its original key. Every replay is logged and marked in MariaDB with the user's name; a repeat needs a confirmation.
 */
@Path("/console/rejected")
@Authenticated
@Produces(MediaType.TEXT_HTML)
@Blocking
public class RejectedPage {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final int MAX_VALUE = 1_048_576;

    /** One dead letter as the page shows it; {@code value} is the original text (decoded from base64 if UTF-8). */
    public record Row(int partition, long offset, String rejectedAt, String reason, String reasonLabel,
                      String detail, String source,
                      String key, String value, boolean binary, String problem, Replayed replayed) {

        public String anchor() {
            return "dlq-" + partition + "-" + offset;
        }

        /** How many replays the page shows (0: none): the replay form sends it back as its confirmation. */
        public int seen() {
            return replayed == null ? 0 : replayed.count();
        }

        Row marked(Replayed mark) {
            return new Row(partition, offset, rejectedAt, reason, reasonLabel, detail, source, key, value, binary,
                    problem, mark);
        }
    }

    /** A replay mark as shown: last replayed by whom and when (Tokyo time), and how many times. */
    public record Replayed(String by, String at, int count, String firstBy, String firstAt) {

        static Replayed of(ReplayMarks.Mark m) {
            return new Replayed(m.lastBy(), SHOWN.format(m.lastAt().atZone(ConsoleLanguage.TOKYO)), m.count(),
                    m.firstBy(), SHOWN.format(m.firstAt().atZone(ConsoleLanguage.TOKYO)));
        }
    }

    @CheckedTemplate(basePath = "console")
    static final class Templates {
        private Templates() {
        }

        static native TemplateInstance rejected(Page page, List<Row> rows, int limit, boolean canReplay,
                                                String replayed, String error);
    }

    private final DeadLetters deadLetters;
    private final ReplayMarks marks;
    private final PageContext context;

    public RejectedPage(DeadLetters deadLetters, ReplayMarks marks, PageContext context) {
        this.deadLetters = deadLetters;
        this.marks = marks;
        this.context = context;
    }

    @GET
    public TemplateInstance list(@QueryParam("limit") @DefaultValue("50") int limit,
                                 @QueryParam("replayed") String replayed, @QueryParam("error") String error,
                                 @Context UriInfo uri) {
        int n = Math.max(1, Math.min(limit, 500));
        String problem = error;
        List<Row> rows;
        try {
            rows = deadLetters.latest(n).stream().map(this::row).toList();
        } catch (RuntimeException e) {
            Log.warnf("cannot read %s: %s", Topics.EVENTS_DLQ.name(), e.getMessage());
            rows = List.of();
            problem = "Kafka: " + e.getMessage();
        }
        rows = withMarks(rows);
        return Templates.rejected(context.page("取込拒否イベント", "Rejected events", "rejected", uri), rows, n,
                context.hasAny(Roles.WRITERS), replayed, problem).setLocale(context.language().locale());
    }

    /** Sends the edited value of one dead letter back to {@code security.events.raw} under the original key. */
    @POST
    @Path("/{partition}/{offset}/replay")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({"operator", "manager", "supervisor", "ciso", "admin"})
    public Response replay(@PathParam("partition") int partition, @PathParam("offset") long offset,
                           @FormParam("value") String value, @FormParam("encoding") String encoding,
                           @FormParam("seen") @DefaultValue("0") int seen, @FormParam("again") String again) {
        if (value == null || value.isBlank()) {
            return back(null, "value: is required");
        }
        byte[] bytes;
        if ("base64".equals(encoding)) {
            try {
                bytes = Base64.getMimeDecoder().decode(value.strip());
            } catch (IllegalArgumentException e) {
                return back(null, "value: is not base64 (" + e.getMessage() + ")");
            }
        } else {
            bytes = value.strip().getBytes(StandardCharsets.UTF_8);
        }
        if (bytes.length > MAX_VALUE) {
            return back(null, "value: larger than " + MAX_VALUE + " bytes");
        }
        Optional<DeadLetters.Entry> entry = deadLetters.at(partition, offset);
        if (entry.isEmpty()) {
            return back(null, "no record at " + Topics.EVENTS_DLQ.name() + " " + partition + "@" + offset);
        }
        DeadLetter letter = entry.get().letter();
        String key = letter != null && letter.key() != null ? letter.key() : entry.get().key();
        String topic = Topics.EVENTS_DLQ.name();
        if (seen > 0 && !"yes".equals(again)) {
            return back(null, notConfirmed(marks.at(topic, partition, offset).orElse(null)));
        }
        ReplayMarks.Claim claim = marks.claim(topic, partition, offset, context.user(), seen);
        if (claim instanceof ReplayMarks.Refused refused) {
            Log.infof("replay of %s %d@%d by %s refused: already replayed", topic, partition, offset, context.user());
            return back(null, refused(refused.current()));
        }
        try {
            deadLetters.replay(key, bytes);
        } catch (RuntimeException e) {
            marks.release(topic, partition, offset, (ReplayMarks.Granted) claim);
            return back(null, e.getMessage());
        }
        Log.infof("rejected record %s %d@%d (key %s, source %s) replayed to %s by %s, %d bytes",
                Topics.EVENTS_DLQ.name(), partition, offset, key,
                letter == null ? "?" : letter.sourceTopic() + " " + letter.partition() + "@" + letter.offset(),
                Topics.EVENTS_RAW.name(), context.user(), bytes.length);
        return back(partition + "@" + offset, null);
    }

    // ---- Replay marks (issue 6, branch dash) ----

    private List<Row> withMarks(List<Row> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        try {
            long min = rows.stream().mapToLong(Row::offset).min().orElse(0);
            long max = rows.stream().mapToLong(Row::offset).max().orElse(0);
            Map<String, ReplayMarks.Mark> found = marks.between(Topics.EVENTS_DLQ.name(), min, max);
            return rows.stream().map(r -> {
                ReplayMarks.Mark m = found.get(r.partition() + "@" + r.offset());
                return m == null ? r : r.marked(Replayed.of(m));
            }).toList();
        } catch (RuntimeException e) {
            Log.warnf("cannot read the replay marks: %s", e.getMessage());
            return rows;
        }
    }

    /** Refusal of a replay whose earlier replays were not confirmed. */
    private String notConfirmed(ReplayMarks.Mark mark) {
        String who = mark == null ? "?" : Replayed.of(mark).by() + ", " + Replayed.of(mark).at();
        return context.english()
                ? "Not replayed: this record was already replayed (" + who + "). Tick the confirmation to replay it "
                + "again."
                : "再送していません: この記録は再送済みです（" + who + "）。もう一度再送するには確認欄にチェックしてください。";
    }

    /** Refusal of a replay that someone else made first, or again since the page was shown. */
    private String refused(ReplayMarks.Mark mark) {
        if (mark == null) {
            return context.english() ? "Not replayed: the replay mark changed; reload the page."
                    : "再送していません: 再送記録が変わりました。画面を再読み込みしてください。";
        }
        Replayed r = Replayed.of(mark);
        return context.english()
                ? "Not replayed: " + r.by() + " replayed this record at " + r.at() + " (" + r.count()
                + " time(s) in all). Check the page again and confirm if it must be sent once more."
                : "再送していません: この記録は " + r.at() + " に " + r.by() + " が再送済みです（計 " + r.count()
                + " 回）。画面を確認し、必要なら確認のうえ再送してください。";
    }

    private String label(RejectReason reason) {
        if (reason == null) {
            return "";
        }
        boolean en = context.english();
        return switch (reason) {
            case NOT_JSON -> en ? "not JSON" : "JSONとして読めない";
            case NOT_AN_OBJECT -> en ? "not a JSON object" : "JSONオブジェクトではない";
            case MISSING_FIELD -> en ? "required field missing" : "必須項目がない";
            case INVALID_FIELD -> en ? "invalid field" : "項目の型・値が不正";
            case CONFLICTING_FIELD -> en ? "conflicting field" : "項目の値が矛盾";
            case TOO_LARGE -> en ? "too large" : "サイズ超過";
            case PROCESSING_FAILED -> en ? "processing failed" : "処理に失敗";
        };
    }

    private static Response back(String replayed, String error) {
        UriBuilder to = UriBuilder.fromPath("/console/rejected");
        if (replayed != null) {
            to.queryParam("replayed", replayed);
        }
        if (error != null) {
            to.queryParam("error", error);
        }
        return Response.seeOther(to.build()).build();
    }

    private Row row(DeadLetters.Entry e) {
        DeadLetter d = e.letter();
        if (d == null) {
            return new Row(e.partition(), e.offset(), SHOWN.format(e.timestamp().atZone(ConsoleLanguage.TOKYO)), "",
                    "", "", "", e.key(), "", false, e.problem(), null);
        }
        String value = d.value();
        boolean binary = false;
        if (value == null && d.valueBase64() != null) {
            try {
                value = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(Base64.getDecoder().decode(d.valueBase64()))).toString();
            } catch (CharacterCodingException | IllegalArgumentException ex) {
                value = d.valueBase64();
                binary = true;
            }
        }
        String at = SHOWN.format((d.rejectedAt() == null ? e.timestamp() : d.rejectedAt())
                .atZone(ConsoleLanguage.TOKYO));
        String source = d.sourceTopic() == null ? "" : d.sourceTopic() + " / " + d.partition() + " / " + d.offset();
        return new Row(e.partition(), e.offset(), at, d.reason() == null ? "" : d.reason().name(),
                label(d.reason()),
                d.detail() == null ? "" : d.detail(), source, d.key() == null ? e.key() : d.key(),
                value == null ? "" : value, binary, null, null);
    }
}
