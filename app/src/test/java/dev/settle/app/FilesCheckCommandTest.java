package dev.settle.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code ./settle files check}, run through the real picocli command line, on the shared fixtures. */
class FilesCheckCommandTest {

    @TempDir
    Path dir;

    /** What one run printed and returned. */
    record Run(int exitCode, String out, String err) {
    }

    static Run settle(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = SettleMain.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** Copies a test resource (from file-formats' test-jar) to a file, as an operator would have it. */
    Path fixture(String resource) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/" + resource)) {
            assertThat(in).as(resource).isNotNull();
            Path file = dir.resolve(resource.substring(resource.lastIndexOf('/') + 1));
            Files.copy(in, file);
            return file;
        }
    }

    @Test
    void a_valid_file_exits_0_with_its_detected_format_counts_and_totals() throws IOException {
        Path file = fixture("fixtures/nacha/web-debit.ach");

        Run run = settle("files", "check", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Format:  nacha (detected)").contains("Result:  VALID, 0 violations");
        assertThat(run.out()).containsPattern("batches +3\\n").containsPattern("entries +6\\n");
        assertThat(run.out()).containsPattern("debits +150\\.00 USD").containsPattern("credits +268\\.20 USD");
    }

    @Test
    void balances_are_printed_as_decimals_with_their_currency() throws IOException {
        Path file = fixture("golden/camt/demo-camt.053.001.02.xml");

        Run run = settle("files", "check", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).containsPattern("opening OPBD 2024-01-30 NL91ABNA0417164300 stmt 1 +100\\.00 EUR");
    }

    @Test
    void an_invalid_file_exits_1_and_names_the_violation_with_its_evidence() throws IOException {
        Path file = fixture("fixtures/nacha/short-line.ach");

        Run run = settle("files", "check", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("INVALID").contains("NACHA_LINE_LENGTH").contains(file + ":");
    }

    /** Truncated XML is an invalid file, not an unreadable one: the reader reports it as a fatal violation. */
    @Test
    void truncated_xml_exits_1_with_the_malformed_xml_violation() throws IOException {
        Path whole = fixture("fixtures/iso20022/camt053/camt.053.001.02-ing.xml");
        byte[] bytes = Files.readAllBytes(whole);
        Path truncated = dir.resolve("truncated.xml");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));

        Run run = settle("files", "check", truncated.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("CAMT_MALFORMED_XML (fatal)");
    }

    @Test
    void json_is_one_document_with_counts_money_as_strings_and_every_violation() throws IOException {
        Path file = fixture("fixtures/nacha/short-line.ach");

        Run run = settle("files", "check", file.toString(), "--json");

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode json = JsonMapper.builder().build().readTree(run.out());
        assertThat(json.get("format").asString()).isEqualTo("nacha");
        assertThat(json.get("formatDetected").asBoolean()).isTrue();
        assertThat(json.get("valid").asBoolean()).isFalse();
        assertThat(json.get("recordCounts").isObject()).isTrue();
        assertThat(json.get("controlTotals").get("debits").get("currency").asString()).isEqualTo("USD");
        assertThat(json.get("controlTotals").get("debits").get("amount").isString()).isTrue();
        List<String> codes = new ArrayList<>();
        json.get("violations").forEach(v -> codes.add(v.get("code").asString()));
        assertThat(codes).contains("NACHA_LINE_LENGTH");
        assertThat(json.get("violations").get(0).has("line")).isTrue();
        assertThat(json.get("violationCount").asInt()).isEqualTo(codes.size());
    }

    @Test
    void json_of_a_valid_file_has_its_counts() throws IOException {
        Path file = fixture("fixtures/nacha/web-debit.ach");

        Run run = settle("files", "check", "--json", file.toString());

        JsonNode json = JsonMapper.builder().build().readTree(run.out());
        assertThat(run.exitCode()).isZero();
        assertThat(json.get("recordCounts").get("entries").asLong()).isEqualTo(6);
        assertThat(json.get("controlTotals").get("credits").get("amountMinor").asLong()).isEqualTo(26820);
        assertThat(json.get("violations").isEmpty()).isTrue();
    }

    @Test
    void an_undetectable_file_exits_2_and_says_to_pass_the_format() throws IOException {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "Dear treasury, the statement is attached.\n");

        Run run = settle("files", "check", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--format");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void a_missing_file_exits_2() {
        Run run = settle("files", "check", dir.resolve("nope.ach").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no such readable file");
    }

    @Test
    void an_unknown_format_exits_2_and_lists_the_known_ones() throws IOException {
        Path file = fixture("fixtures/nacha/web-debit.ach");

        Run run = settle("files", "check", file.toString(), "--format", "swift-mt103");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unknown format 'swift-mt103'").contains("nacha").contains("camt053");
    }

    @Test
    void a_given_format_is_used_even_when_detection_would_differ() throws IOException {
        Path file = fixture("fixtures/nacha/web-debit.ach");

        Run run = settle("files", "check", file.toString(), "--format", "payout-csv");

        assertThat(run.out()).contains("Format:  payout-csv (as given)");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void the_generic_csv_is_checked_with_its_mapping() throws IOException {
        Path file = fixture("fixtures/gateway/generic-gateway-report.csv");
        Path mapping = fixture("dev/settle/formats/generic/examples/gateway-report.properties");

        Run run = settle("files", "check", file.toString(), "--mapping", mapping.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Format:  generic-csv (detected)").containsPattern("net EUR +1304\\.90 EUR");
    }

    @Test
    void the_generic_csv_without_a_mapping_exits_2_and_asks_for_one() throws IOException {
        Path file = fixture("fixtures/gateway/generic-gateway-report.csv");

        Run run = settle("files", "check", file.toString(), "--format", "generic-csv");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--mapping");
    }

    @Test
    void files_without_an_action_is_a_usage_error() {
        Run noAction = settle("files");
        Run noFile = settle("files", "check");

        assertThat(noAction.exitCode()).as(noAction.err()).isEqualTo(2);
        assertThat(noFile.exitCode()).as(noFile.err()).isEqualTo(2);
    }
}
