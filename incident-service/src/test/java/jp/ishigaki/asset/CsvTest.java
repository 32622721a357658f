package jp.ishigaki.asset;

import jp.ishigaki.asset.domain.Csv;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvTest {

    @Test
    void shouldReadQuotedFieldsWithCommasQuotesAndLineBreaksAndKeepLineNumbers() {
        List<Csv.Row> rows = Csv.parse("\uFEFFa,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\nlast,row");
        assertThat(rows).extracting(Csv.Row::line).containsExactly(1, 2, 3, 5);
        assertThat(rows.get(0).fields()).containsExactly("a", "b");
        assertThat(rows.get(1).fields()).containsExactly("x, y", "say \"hi\"");
        assertThat(rows.get(2).fields()).containsExactly("two\nlines", "z");
        assertThat(rows.get(3).fields()).containsExactly("last", "row");
    }

    @Test
    void shouldRefuseAnUnclosedQuote() {
        assertThatThrownBy(() -> Csv.parse("a,b\n\"open,x\n")).isInstanceOf(Csv.Malformed.class)
                .hasMessageContaining("line 2");
    }
}
