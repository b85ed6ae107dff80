package dev.settle.readerswriters.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.settle.formats.FileFormat;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The adapters from format records to staged items, over real public fixtures (file-formats' test-jar). */
class InboundParsersTest {

    @TempDir
    Path tmp;

    List<StagedItem> readAll(InboundParser parser, String fixture) throws Exception {
        Path file = tmp.resolve(Path.of(fixture).getFileName().toString());
        try (InputStream in = getClass().getResourceAsStream("/fixtures/" + fixture)) {
            Files.copy(in, file);
        }
        List<StagedItem> items = new ArrayList<>();
        try (InboundCursor cursor = parser.open(file, file.getFileName().toString())) {
            for (StagedItem item = cursor.next(); item != null; item = cursor.next()) {
                items.add(item);
            }
        }
        return items;
    }

    static <T> List<T> only(List<StagedItem> items, Class<T> type) {
        return items.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void camt053_two_statements_give_two_headers_with_balances_and_every_entry() throws Exception {
        List<StagedItem> items = readAll(new CamtParser(FileFormat.CAMT053),
                "iso20022/camt053/camt.053.001.02-goldman-sachs-uk-2stmts-eur-gbp.xml");
        List<BankStatementHeader> headers = only(items, BankStatementHeader.class);
        assertThat(headers).hasSize(2);
        // SOURCES.md calls it "EUR and GBP", but both statements in the file are GBP accounts
        assertThat(headers).extracting(BankStatementHeader::currency).containsExactly("GBP", "GBP");
        assertThat(headers).allSatisfy(h -> assertThat(h.closingMinor()).isNotNull());
        assertThat(only(items, BankEntryLine.class)).hasSize(6);
        assertThat(only(items, RejectedRecord.class)).isEmpty();
        assertThat(only(items, BankEntryLine.class)).anySatisfy(e -> assertThat(e.reversal()).isTrue());
    }

    @Test
    void camt053_batched_entries_are_split_into_their_transactions() throws Exception {
        List<StagedItem> items = readAll(new CamtParser(FileFormat.CAMT053), "iso20022/camt053/camt.053.001.02-finland-sample.xml");
        // 10 entries, 12 transaction details: the batched ones are split
        assertThat(only(items, BankEntryLine.class).size()).isGreaterThan(10);
    }

    @Test
    void mt940_reversals_and_sepa_end_to_end_ids_come_through() throws Exception {
        List<StagedItem> items = readAll(new Mt940Parser(), "mt940/sepa-mt940-large-with-reversals.sta");
        assertThat(only(items, BankStatementHeader.class)).hasSize(26);
        List<BankEntryLine> entries = only(items, BankEntryLine.class);
        assertThat(entries).hasSize(97);
        assertThat(entries.stream().filter(BankEntryLine::reversal)).hasSize(2);
        assertThat(entries).anySatisfy(e -> assertThat(e.endToEndId()).isNotEmpty());
        assertThat(only(items, RejectedRecord.class)).isEmpty();
    }

    @Test
    void mt940_an_impossible_date_becomes_a_rejection_with_the_raw_value() throws Exception {
        List<StagedItem> items = readAll(new Mt940Parser(), "mt940/february-30-invalid-date.sta");
        assertThat(only(items, RejectedRecord.class)).anySatisfy(r ->
                assertThat(r.violations()).anySatisfy(v -> assertThat(v.rawValue()).isEqualTo("160230")));
    }
}
