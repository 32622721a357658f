package jp.ishigaki.detection.detect;

import jp.ishigaki.schemas.topic.Json;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CorrelationEntrySerdeTest {

    private final CorrelationEntrySerde serde = new CorrelationEntrySerde();

    private CorrelationEntry roundTrip(CorrelationEntry entry) {
        return serde.deserializer().deserialize("t", serde.serializer().serialize("t", entry));
    }

    @Test
    void shouldRoundTripEveryFieldAndNulls() {
        CorrelationEntry entry = new CorrelationEntry("win-4625", "e-1", "10.0.0.7");
        CorrelationEntry noValue = new CorrelationEntry("win-4625", "e-2", null);
        CorrelationEntry japanese = new CorrelationEntry("r", "e-3", "山田 \"太郎\"\n");

        assertThat(roundTrip(entry)).isEqualTo(entry);
        assertThat(roundTrip(noValue)).isEqualTo(noValue);
        assertThat(roundTrip(japanese)).isEqualTo(japanese);
    }

    @Test
    void shouldReadTheJsonEntriesOfEarlierVersions() throws Exception {
        CorrelationEntry entry = new CorrelationEntry("win-4625", "e-1", "pc-9");
        byte[] json = Json.mapper().writeValueAsBytes(entry);

        assertThat(serde.deserializer().deserialize("t", json)).isEqualTo(entry);
        assertThat(serde.serializer().serialize("t", entry)).hasSizeLessThan(json.length);
    }

    @Test
    void shouldRefuseBytesItDidNotWrite() {
        byte[] bytes = serde.serializer().serialize("t", new CorrelationEntry("r", "e-1", "v"));

        assertThatThrownBy(() -> serde.deserializer().deserialize("t", Arrays.copyOf(bytes, bytes.length - 1)))
                .isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", Arrays.copyOf(bytes, bytes.length + 1)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("too many");
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {7}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("version 7");
    }
}
