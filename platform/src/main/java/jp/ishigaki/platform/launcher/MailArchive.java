package jp.ishigaki.platform.launcher;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jp.ishigaki.platform.mail.MailSink;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Saves every message the mail sink receives as an {@code .eml} file under {@code .ishigaki/mail}, as it arrives. */
public final class MailArchive implements AutoCloseable {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final MailSink sink;
    private final Path dir;
    private final Thread thread;
    private volatile boolean running = true;
    private int saved;

    private MailArchive(MailSink sink, Path dir) {
        this.sink = sink;
        this.dir = dir;
        this.thread = new Thread(this::loop, "mail-archive");
        this.thread.setDaemon(true);
    }

    public static MailArchive start(MailSink sink, Path dir) {
        MailArchive archive = new MailArchive(sink, dir);
        archive.thread.start();
        return archive;
    }

    private void loop() {
        while (running) {
            saveNew();
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void saveNew() {
        List<MimeMessage> messages = sink.messages();
        while (saved < messages.size()) {
            MimeMessage message = messages.get(saved);
            Path file = dir.resolve(STAMP.format(Instant.now()) + "-" + (saved + 1) + ".eml");
            try (OutputStream out = Files.newOutputStream(file)) {
                message.writeTo(out);
            } catch (IOException | MessagingException e) {
                System.err.println("mail sink: cannot save message " + (saved + 1) + ": " + e.getMessage());
            }
            saved++;
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        saveNew();
    }
}
