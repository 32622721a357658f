package jp.ishigaki.platform.launcher;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A read-only web page over the mail sink's {@code .eml} files: a list (date, from, to, subject) and each message's
 * text. Everything shown is HTML-escaped; nothing from a message is rendered as HTML.
 */
public final class MailWebView implements AutoCloseable {

    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}\\.eml");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Tokyo"));
    private static final Session SESSION = Session.getInstance(new Properties());
    private static final String STYLE = "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
            + "td,th{border-bottom:1px solid #ccc;padding:.3em .8em;text-align:left}pre{white-space:pre-wrap;"
            + "background:#f6f6f6;padding:1em}</style>";

    private final HttpServer server;
    private final Path dir;

    private MailWebView(HttpServer server, Path dir) {
        this.server = server;
        this.dir = dir;
    }

    /** Serves the messages in {@code dir} on 127.0.0.1:port. */
    public static MailWebView start(int port, Path dir) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
            MailWebView view = new MailWebView(server, dir);
            server.createContext("/", view::handle);
            server.start();
            return view;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve the mail view on port " + port + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                respond(exchange, 405, "<p>read-only</p>");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            if ("/".equals(path)) {
                respond(exchange, 200, list());
            } else if (path.startsWith("/m/") && FILE_NAME.matcher(path.substring(3)).matches()
                    && Files.isRegularFile(dir.resolve(path.substring(3)))) {
                respond(exchange, 200, show(dir.resolve(path.substring(3))));
            } else {
                respond(exchange, 404, "<p>not found</p>");
            }
        } catch (RuntimeException e) {
            respond(exchange, 500, "<p>" + escape(e.getMessage()) + "</p>");
        }
    }

    private String list() throws IOException {
        List<Path> files;
        try (Stream<Path> stream = Files.list(dir)) {
            files = stream.filter(file -> FILE_NAME.matcher(file.getFileName().toString()).matches())
                    .sorted(Comparator.comparing((Path file) -> file.getFileName().toString()).reversed())
                    .toList();
        }
        StringBuilder html = new StringBuilder("<h1>Ishigaki mail sink</h1><p>")
                .append(files.size()).append(" message(s), newest first; kept in ").append(escape(dir.toString()))
                .append("</p><table><tr><th>Date (JST)</th><th>From</th><th>To</th><th>Subject</th></tr>");
        for (Path file : files) {
            MimeMessage message = read(file);
            String name = file.getFileName().toString();
            html.append("<tr><td>").append(escape(date(message))).append("</td><td>")
                    .append(escape(addresses(message, null))).append("</td><td>")
                    .append(escape(addresses(message, Message.RecipientType.TO))).append("</td><td><a href=\"/m/")
                    .append(escape(name)).append("\">").append(escape(subject(message))).append("</a></td></tr>");
        }
        return html.append("</table>").toString();
    }

    private String show(Path file) {
        MimeMessage message = read(file);
        return "<p><a href=\"/\">&larr; all messages</a></p><h1>" + escape(subject(message)) + "</h1><table>"
                + "<tr><th>Date (JST)</th><td>" + escape(date(message)) + "</td></tr>"
                + "<tr><th>From</th><td>" + escape(addresses(message, null)) + "</td></tr>"
                + "<tr><th>To</th><td>" + escape(addresses(message, Message.RecipientType.TO)) + "</td></tr>"
                + "<tr><th>Cc</th><td>" + escape(addresses(message, Message.RecipientType.CC)) + "</td></tr>"
                + "</table><pre>" + escape(text(message)) + "</pre>";
    }

    private static MimeMessage read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new MimeMessage(SESSION, in);
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException("cannot read " + file.getFileName(), e);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject() == null ? "(no subject)" : message.getSubject();
        } catch (MessagingException e) {
            return "(unreadable subject)";
        }
    }

    private static String date(MimeMessage message) {
        try {
            return message.getSentDate() == null ? "" : DATE.format(message.getSentDate().toInstant());
        } catch (MessagingException e) {
            return "";
        }
    }

    private static String addresses(MimeMessage message, Message.RecipientType type) {
        try {
            Address[] addresses = type == null ? message.getFrom() : message.getRecipients(type);
            return addresses == null ? "" : Arrays.stream(addresses)
                    .map(address -> address instanceof InternetAddress internet ? internet.toUnicodeString()
                            : address.toString())
                    .collect(Collectors.joining(", "));
        } catch (MessagingException e) {
            return "";
        }
    }

    /** The text/plain part if there is one, else the first text part as source. */
    private static String text(Part part) {
        try {
            if (part.isMimeType("text/plain")) {
                return String.valueOf(part.getContent());
            }
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                String fallback = null;
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart body = multipart.getBodyPart(i);
                    String text = text(body);
                    if (body.isMimeType("text/plain") || body.isMimeType("multipart/*") && !text.isEmpty()) {
                        return text;
                    }
                    if (fallback == null && !text.isEmpty()) {
                        fallback = text;
                    }
                }
                return fallback == null ? "" : fallback;
            }
            if (part.isMimeType("text/*")) {
                return String.valueOf(part.getContent());
            }
            return "";
        } catch (IOException | MessagingException e) {
            return "(unreadable body: " + e.getMessage() + ")";
        }
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = ("<!doctype html><html lang=\"ja\"><head><meta charset=\"utf-8\"><title>Ishigaki mail</title>"
                + STYLE + "</head><body>" + body + "</body></html>").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
