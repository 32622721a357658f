package jp.ishigaki.platform;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jp.ishigaki.platform.db.MariaDb;
import jp.ishigaki.platform.kafka.EmbeddedKafka;
import jp.ishigaki.platform.mail.MailSink;
import jp.ishigaki.platform.testing.KafkaRecords;
import jp.ishigaki.schemas.topic.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The test infrastructure is real: a broker that stores records, a database that answers SQL, an SMTP server. */
class InfrastructureTest {

    @Test
    void embeddedKafkaHasTheRegistryTopicsAndDeliversARecord() throws Exception {
        String servers = EmbeddedKafka.shared().bootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
            assertThat(admin.listTopics().names().get())
                    .containsAll(Topics.all().stream().map(t -> t.name()).toList());
        }

        KafkaRecords.send(servers, Topics.EVENTS_RAW, "h1", "{\"hello\":\"石垣\"}".getBytes(StandardCharsets.UTF_8));
        List<ConsumerRecord<String, byte[]>> read = KafkaRecords.await(servers, Topics.EVENTS_RAW,
                r -> "h1".equals(r.key()), Duration.ofSeconds(20));

        assertThat(read).hasSize(1);
        assertThat(new String(read.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("{\"hello\":\"石垣\"}");
    }

    @Test
    void mariaDbCreatesAUtf8mb4DatabaseThatStoresJapanese() throws Exception {
        MariaDb server = MariaDb.forTests();
        String database = "ishigaki_infra_" + System.nanoTime();
        server.createDatabase(database);
        try (Connection connection = server.open(database); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (v VARCHAR(20))");
            statement.execute("INSERT INTO t VALUES ('緊急時対応計画🔥')");
            try (ResultSet rs = statement.executeQuery("SELECT v FROM t")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("緊急時対応計画🔥");
            }
        } finally {
            server.dropDatabase(database);
        }
    }

    @Test
    void mailSinkReceivesAMessageOverSmtp() throws Exception {
        try (MailSink sink = MailSink.start(Ports.free())) {
            Properties props = new Properties();
            props.put("mail.smtp.host", "127.0.0.1");
            props.put("mail.smtp.port", Integer.toString(sink.port()));
            MimeMessage message = new MimeMessage(Session.getInstance(props));
            message.setFrom(new InternetAddress("ishigaki@city.example.jp"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress("yamada@city.example.jp"));
            message.setSubject("【緊急】テスト", "UTF-8");
            message.setText("本文", "UTF-8");
            Transport.send(message);

            assertThat(sink.awaitMessages(1, 5000)).isTrue();
            assertThat(sink.messages().get(0).getSubject()).isEqualTo("【緊急】テスト");
        }
    }
}
