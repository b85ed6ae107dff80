package dev.settle.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.settle.formats.generic.GenericMapping;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FileInspectorsTest {

    private static final String MAPPINGS = "/dev/settle/formats/generic/examples/";

    static byte[] resource(String path) {
        try (InputStream in = FileInspectorsTest.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Optional<GenericMapping> mapping(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return Optional.of(GenericMapping.load(new java.io.ByteArrayInputStream(resource(MAPPINGS + name)), name));
    }

    static byte[] head(byte[] file) {
        return Arrays.copyOf(file, Math.min(file.length, FileInspectors.DETECTION_HEAD_BYTES));
    }

    /** Every fixture, valid or invalid on purpose, and the goldens of formats without fixtures. */
    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            fixtures/bai2/moj-account-trailer-amount-blank.bai2                            | BAI2                | -
            fixtures/bai2/moj-citi-gbp.bai2                                                | BAI2                | -
            fixtures/bai2/moj-natwest-gbp.bai2                                             | BAI2                | -
            fixtures/bai2/moj-svb-usd.bai2                                                 | BAI2                | -
            fixtures/bai2/moov-sample1-cad-returned-items.bai2                             | BAI2                | -
            fixtures/bai2/moov-sample2-multi-group.bai2                                    | BAI2                | -
            fixtures/bai2/moov-sample3-multi-record-lines.bai2                             | BAI2                | -
            fixtures/bai2/moov-sample4-continuations.bai2                                  | BAI2                | -
            fixtures/gateway/adyen-sdr-classic-two-batches.csv                             | ADYEN_SDR           | -
            fixtures/gateway/adyen-sdr-missing-net-currency.csv                            | ADYEN_SDR           | -
            fixtures/gateway/adyen-sdr-newer-layout.csv                                    | ADYEN_SDR           | -
            fixtures/gateway/adyen-sdr-unclosed-quote.csv                                  | ADYEN_SDR           | -
            fixtures/gateway/adyen-sdr-violations.csv                                      | ADYEN_SDR           | -
            fixtures/gateway/generic-bank-statement-violations.csv                         | GENERIC_CSV         | bank-statement.properties
            fixtures/gateway/generic-bank-statement.csv                                    | GENERIC_CSV         | bank-statement.properties
            fixtures/gateway/generic-gateway-report.csv                                    | GENERIC_CSV         | gateway-report.properties
            fixtures/gateway/stripe-balance-violations.csv                                 | STRIPE_PAYOUT_RECON | -
            fixtures/gateway/stripe-itemized-payout-recon.csv                              | STRIPE_PAYOUT_RECON | -
            fixtures/gateway/stripe-missing-fee-column.csv                                 | STRIPE_PAYOUT_RECON | -
            fixtures/iso20022/camt053/camt.053.001.02-abn-amro-batched.xml                 | CAMT053             | -
            fixtures/iso20022/camt053/camt.053.001.02-finland-sample.xml                   | CAMT053             | -
            fixtures/iso20022/camt053/camt.053.001.02-five-decimals.xml                    | CAMT053             | -
            fixtures/iso20022/camt053/camt.053.001.02-goldman-sachs-uk-2stmts-eur-gbp.xml  | CAMT053             | -
            fixtures/iso20022/camt053/camt.053.001.02-goldman-sachs-us.xml                 | CAMT053             | -
            fixtures/iso20022/camt053/camt.053.001.02-ing.xml                              | CAMT053             | -
            fixtures/iso20022/camt053/camt.053.001.02-multi-statement.xml                  | CAMT053             | -
            fixtures/iso20022/camt053/camt.053.001.02-wrong.xml                            | CAMT053             | -
            fixtures/iso20022/camt053/camt.053.001.04-postfinance.xml                      | CAMT053             | -
            fixtures/iso20022/camt053/camt.053.001.08-genkgo.xml                           | CAMT053             | -
            fixtures/iso20022/camt054/camt.054.001.02-genkgo.xml                           | CAMT054             | -
            fixtures/iso20022/camt054/camt.054.001.04-postfinance-esr-batched.xml          | CAMT054             | -
            fixtures/iso20022/camt054/camt.054.001.04-postfinance-returns.xml              | CAMT054             | -
            fixtures/iso20022/camt054/camt.054.001.08-genkgo.xml                           | CAMT054             | -
            fixtures/iso20022/pain001/pain.001.001.03-international-rub.xml                | PAIN001             | -
            fixtures/iso20022/pain001/pain.001.001.03-international-usd.xml                | PAIN001             | -
            fixtures/iso20022/pain001/pain.001.001.03-multi-currency-3tx.xml               | PAIN001             | -
            fixtures/iso20022/pain001/pain.001.001.03-sepa-king-example.xml                | PAIN001             | -
            fixtures/iso20022/pain001/pain.001.001.03-sepa-multiple-pmtinf.xml             | PAIN001             | -
            fixtures/iso20022/pain001/pain.001.001.03-us-ach-credit.xml                    | PAIN001             | -
            fixtures/iso20022/pain001/pain.001.001.09-pain001-template-sample.xml          | PAIN001             | -
            fixtures/iso20022/pain001/pain.001.001.09-sepa-rator-example.xml               | PAIN001             | -
            fixtures/iso20022/pain001/pain.001.001.09-xsd-generated-edge-cases.xml         | PAIN001             | -
            fixtures/mt940/abnamro.sta                                                     | MT940               | -
            fixtures/mt940/cmxl-multi-currency.sta                                         | MT940               | -
            fixtures/mt940/february-30-invalid-date.sta                                    | MT940               | -
            fixtures/mt940/ing.sta                                                         | MT940               | -
            fixtures/mt940/mbank-pln.sta                                                   | MT940               | -
            fixtures/mt940/postfinance-chf.sta                                             | MT940               | -
            fixtures/mt940/rabobank.sta                                                    | MT940               | -
            fixtures/mt940/sberbank-huf.sta                                                | MT940               | -
            fixtures/mt940/sepa-mt940-large-with-reversals.sta                             | MT940               | -
            fixtures/mt940/sepa-snippet-broken.sta                                         | MT940               | -
            fixtures/nacha/20110805A.ach                                                   | NACHA               | -
            fixtures/nacha/NACHA_SAMPLE_TEL_REVERSAL.ach                                   | NACHA               | -
            fixtures/nacha/ccd-debit.ach                                                   | NACHA               | -
            fixtures/nacha/cor-example.ach                                                 | NACHA               | -
            fixtures/nacha/dishonored-return.ach                                           | NACHA               | -
            fixtures/nacha/iat-mixedDebitCredit.ach                                        | NACHA               | -
            fixtures/nacha/ppd-mixedDebitCredit.ach                                        | NACHA               | -
            fixtures/nacha/return-WEB.ach                                                  | NACHA               | -
            fixtures/nacha/short-line.ach                                                  | NACHA               | -
            fixtures/nacha/web-debit.ach                                                   | NACHA               | -
            golden/pain002/bank-status-pain.002.001.03.xml                                 | PAIN002             | -
            golden/pain002/bank-status-pain.002.001.10.xml                                 | PAIN002             | -
            golden/payoutcsv/payouts.csv                                                   | PAYOUT_CSV          | -
            """)
    void detects_every_fixture_as_its_format(String path, FileFormat expected, String mappingName) {
        byte[] file = resource("/" + path);
        String name = path.substring(path.lastIndexOf('/') + 1);

        Optional<FileFormat> detected = FileInspectors.withMapping(mapping(mappingName)).detect(head(file), name);

        assertThat(detected).as(path).contains(expected);
    }

    @Test
    void a_generic_csv_is_not_detected_without_its_mapping() {
        byte[] file = resource("/fixtures/gateway/generic-gateway-report.csv");

        assertThat(FileInspectors.standard().detect(head(file), "generic-gateway-report.csv")).isEmpty();
    }

    @Test
    void an_empty_file_is_nothing() {
        assertThat(FileInspectors.standard().detect(new byte[0], "empty.ach")).isEmpty();
    }

    @Test
    void random_bytes_are_nothing() {
        byte[] noise = new byte[FileInspectors.DETECTION_HEAD_BYTES];
        new Random(42).nextBytes(noise);

        assertThat(FileInspectors.standard().detect(noise, "noise.bin")).isEmpty();
    }

    @Test
    void a_text_file_is_nothing() {
        byte[] text = "Dear treasury,\nplease find the statement attached.\n".getBytes(StandardCharsets.UTF_8);

        assertThat(FileInspectors.standard().detect(text, "notes.txt")).isEmpty();
    }

    /** moov-io's parse-error sample starts with record 00, not 01: no format can claim it safely. */
    @Test
    void a_bai2_file_without_its_01_header_is_not_guessed() {
        byte[] file = resource("/fixtures/bai2/moov-parse-error.bai2");

        assertThat(FileInspectors.standard().detect(head(file), "moov-parse-error.bai2")).isEmpty();
    }

    @Test
    void two_formats_claiming_a_file_detect_nothing() {
        // Both the NACHA and the MT940 heuristics match: refusing to choose is the conservative answer.
        byte[] both = ("101 231380104 1210428822611240930A094101Dest                   Origin\n"
                + ":20:REF\n:25:ACCOUNT\n").getBytes(StandardCharsets.US_ASCII);

        assertThat(FileInspectors.standard().detect(both, "both.ach")).isEmpty();
    }

    @Test
    void inspects_a_detected_file_with_counts_and_no_violations(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("web-debit.ach");
        Files.write(file, resource("/fixtures/nacha/web-debit.ach"));

        InspectionReport report = FileInspectors.standard().inspect(file, Optional.empty());

        assertThat(report.format()).isEqualTo(FileFormat.NACHA);
        assertThat(report.valid()).isTrue();
        assertThat(report.recordCounts()).containsEntry("entries", 6L);
    }

    @Test
    void a_structural_error_is_a_report_with_one_fatal_violation(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("sdr.csv");
        Files.write(file, resource("/fixtures/gateway/adyen-sdr-missing-net-currency.csv"));

        InspectionReport report = FileInspectors.standard().inspect(file, Optional.of(FileFormat.ADYEN_SDR));

        assertThat(report.valid()).isFalse();
        assertThat(report.violations()).extracting(v -> v.code().code()).containsExactly("ADYEN_MISSING_COLUMN");
    }

    @Test
    void an_undetectable_file_asks_for_the_format(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "hello\n");

        assertThatThrownBy(() -> FileInspectors.standard().inspect(file, Optional.empty()))
                .isInstanceOf(UninspectableFileException.class).hasMessageContaining("--format");
    }

    @Test
    void the_generic_csv_asks_for_a_mapping(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("g.csv");
        Files.write(file, resource("/fixtures/gateway/generic-gateway-report.csv"));

        assertThatThrownBy(() -> FileInspectors.standard().inspect(file, Optional.of(FileFormat.GENERIC_CSV)))
                .isInstanceOf(UninspectableFileException.class).hasMessageContaining("--mapping");
    }
}
