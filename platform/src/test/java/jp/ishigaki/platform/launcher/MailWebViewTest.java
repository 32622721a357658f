package jp.ishigaki.platform.launcher;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jp.ishigaki.platform.Ports;
import jp.ishigaki.platform.mail.MailSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class MailWebViewTest {

    @TempDir
    Path dir;

    @Test
    void receivedMailIsSavedAsEmlAndShownEscapedInTheWebView() throws Exception {
        try (MailSink sink = MailSink.start(Ports.free());
             MailArchive archive = MailArchive.start(sink, dir);
             MailWebView view = MailWebView.start(Ports.free(), dir)) {
            send(sink.port(), "【緊急】INC-2026-000001 <script>alert(1)</script>", "本文 <b>太字</b> & more");

            List<Path> saved = awaitFiles();
            assertThat(saved).hasSize(1);
            assertThat(saved.get(0).getFileName().toString()).endsWith(".eml");

            HttpClient http = HttpClient.newHttpClient();
            String list = get(http, "http://127.0.0.1:" + view.port() + "/").body();
            assertThat(list).contains("INC-2026-000001 &lt;script&gt;alert(1)&lt;/script&gt;")
                    .contains("soc@city.example.jp").doesNotContain("<script>");

            HttpResponse<String> message = get(http, "http://127.0.0.1:" + view.port() + "/m/" + saved.get(0).getFileName());
            assertThat(message.statusCode()).isEqualTo(200);
            assertThat(message.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                    csp -> assertThat(csp).contains("default-src 'none'"));
            assertThat(message.body()).contains("本文 &lt;b&gt;太字&lt;/b&gt; &amp; more").doesNotContain("<b>");

            assertThat(get(http, "http://127.0.0.1:" + view.port() + "/m/..%2Fsecrets").statusCode()).isEqualTo(404);
        }
    }

    private static void send(int port, String subject, String text) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", Integer.toString(port));
        MimeMessage message = new MimeMessage(Session.getInstance(props));
        message.setFrom(new InternetAddress("ishigaki@localhost"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("soc@city.example.jp"));
        message.setSubject(subject, "UTF-8");
        message.setText(text, "UTF-8");
        Transport.send(message);
    }

    private List<Path> awaitFiles() throws Exception {
        for (int i = 0; i < 50; i++) {
            try (Stream<Path> files = Files.list(dir)) {
                List<Path> found = files.toList();
                if (!found.isEmpty()) {
                    return found;
                }
            }
            Thread.sleep(100);
        }
        return List.of();
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
