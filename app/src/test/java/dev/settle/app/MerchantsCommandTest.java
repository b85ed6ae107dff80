package dev.settle.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.settle.localservices.LocalPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code ./settle merchants ...} against a fresh database: output, JSON and exit codes. */
class MerchantsCommandTest {

    static String previousDatabase;

    @BeforeAll
    static void freshDatabase() {
        previousDatabase = System.getProperty("settle.db.name");
        System.setProperty("settle.db.name", LocalPostgres.server().createDatabase("merchants_cli", true));
    }

    @AfterAll
    static void restore() {
        if (previousDatabase == null) {
            System.clearProperty("settle.db.name");
        } else {
            System.setProperty("settle.db.name", previousDatabase);
        }
    }

    record Run(int exitCode, String out) {
    }

    private static Run run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int code = SettleMain.commandLine().execute(args);
            return new Run(code, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }

    @Test
    void given_a_name_and_currency_when_creating_then_the_key_is_printed_once_and_listings_never_show_it() {
        Run created = run("merchants", "create", "--name", "Acme Ltd", "--currency", "EUR", "--json");

        assertThat(created.exitCode()).isZero();
        assertThat(created.out()).contains("\"secret_key\"").contains("\"merchant_id\" : \"mer_");
        String secret = created.out().replaceAll("(?s).*\"secret_key\" : \"(sk_[0-9A-Za-z]+)\".*", "$1");
        String merchantId = created.out().replaceAll("(?s).*\"merchant_id\" : \"(mer_[0-9A-Za-z]+)\".*", "$1");

        Run list = run("merchants", "list", "--json");
        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).contains(merchantId).contains("Acme Ltd").doesNotContain(secret);

        Run rotated = run("merchants", "rotate-key", merchantId, "--json");
        assertThat(rotated.exitCode()).isZero();
        String keyId = created.out().replaceAll("(?s).*\"key_id\" : \"(key_[0-9A-Za-z]+)\".*", "$1");
        Run revoked = run("merchants", "revoke-key", merchantId, keyId);
        assertThat(revoked.exitCode()).isZero();
        Run keys = run("merchants", "keys", merchantId, "--json");
        assertThat(keys.out()).contains(keyId).doesNotContain(secret).contains("\"revoked_at\" : \"");
    }

    @Test
    void given_refused_or_malformed_commands_then_exit_1_for_business_and_2_for_usage() {
        assertThat(run("merchants", "create", "--name", "X", "--currency", "XYZ").exitCode()).isEqualTo(SettleMain.EXIT_BUSINESS);
        assertThat(run("merchants", "rotate-key", "mer_doesnotexist").exitCode()).isEqualTo(SettleMain.EXIT_BUSINESS);
        assertThat(run("merchants", "create", "--name", "X").exitCode()).isEqualTo(SettleMain.EXIT_USAGE);
        assertThat(run("merchants", "no-such-subcommand").exitCode()).isEqualTo(SettleMain.EXIT_USAGE);
    }
}
