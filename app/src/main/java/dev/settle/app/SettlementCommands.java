package dev.settle.app;

import com.zaxxer.hikari.HikariDataSource;
import dev.settle.jobs.payout.PayoutAdmin;
import dev.settle.jobs.payout.PayoutException;
import dev.settle.jobs.settlement.MerchantSettlementConfig;
import dev.settle.jobs.settlement.MerchantSettlementConfigs;
import dev.settle.jobs.settlement.SettlementTerms;
import dev.settle.jobs.settlement.StatementCsv;
import dev.settle.money.CurrencyUnit;
import dev.settle.money.Money;
import dev.settle.money.RoundingRule;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Finance commands over settlements and payouts: {@code settlements list|show},
 * {@code payouts list|approve|fail|reissue|release-return}, {@code merchants pricing set}.
 * Exit codes: 0 ok, 1 refused (e.g. approving your own file), 2 usage, 3 infrastructure.
 */
final class SettlementCommands {

    private SettlementCommands() {
    }

    static HikariDataSource db() {
        return LocalServicesBootstrap.migratedDataSource(LocalServicesBootstrap.databaseName());
    }

    static void print(List<Map<String, Object>> rows, boolean json, String... columns) {
        if (json) {
            System.out.println(json(rows, columns));
            return;
        }
        System.out.println(String.join("\t", columns));
        for (Map<String, Object> r : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns.length; c++) {
                line.append(c == 0 ? "" : "\t").append(tsvField(r.get(columns[c])));
            }
            System.out.println(line);
        }
    }

    /**
     * One value of a tab-separated row, escaped as PostgreSQL's text {@code COPY} does (backslash,
     * tab, line feed, carriage return), so that free text cannot shift columns or split a row.
     */
    static String tsvField(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString().trim();
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '\\' -> escaped.append("\\\\");
                case '\t' -> escaped.append("\\t");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                default -> escaped.append(ch);
            }
        }
        return escaped.toString();
    }

    /**
     * The rows as a JSON array of objects with {@code columns} in order: numbers (minor units,
     * counts) as numbers, everything else (dates, ids, descriptions) as its trimmed text. Jackson
     * escapes the text, control characters included: a description is free text.
     */
    static String json(List<Map<String, Object>> rows, String... columns) {
        List<Map<String, Object>> objects = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            Map<String, Object> object = new LinkedHashMap<>();
            for (String column : columns) {
                Object v = row.get(column);
                object.put(column, v == null || v instanceof Number ? v : v.toString().trim());
            }
            objects.add(object);
        }
        return CliJson.write(objects);
    }

    @Command(name = "settlements", description = "Settlements and their statements.",
            subcommands = {Settlements.ListCmd.class, Settlements.Show.class})
    static final class Settlements {

        @Command(name = "list", description = "Settlements of a business date.")
        static final class ListCmd implements Callable<Integer> {
            @Option(names = "--date", required = true) LocalDate date;
            @Option(names = "--merchant") String merchant;
            @Option(names = "--json") boolean json;

            @Override
            public Integer call() {
                try (HikariDataSource ds = db()) {
                    print(new JdbcTemplate(ds).queryForList("""
                            SELECT id, merchant_id, currency, transaction_count, gross_captures_minor, refunds_minor,
                                   disputes_minor, fees_minor, reserve_held_minor, reserve_released_minor, carried_in_minor,
                                   net_minor, payout_minor, carried_out_minor, status
                              FROM settlement WHERE business_date = ? AND (?::text IS NULL OR merchant_id = ?) ORDER BY id""",
                            date, merchant, merchant), json, "id", "merchant_id", "currency", "transaction_count",
                            "gross_captures_minor", "refunds_minor", "disputes_minor", "fees_minor", "reserve_held_minor",
                            "reserve_released_minor", "carried_in_minor", "net_minor", "payout_minor", "carried_out_minor", "status");
                }
                return SettleMain.EXIT_OK;
            }
        }

        @Command(name = "show", description = "The statement lines of settlements of a date (CSV unless --json).")
        static final class Show implements Callable<Integer> {
            @Option(names = "--date", required = true) LocalDate date;
            @Option(names = "--merchant") String merchant;
            @Option(names = "--json") boolean json;

            @Override
            public Integer call() {
                try (HikariDataSource ds = db()) {
                    JdbcTemplate jdbc = new JdbcTemplate(ds);
                    if (json) {
                        print(jdbc.queryForList("""
                                SELECT l.settlement_id, l.line_no, l.line_type, l.reference, l.description, l.gross_minor,
                                       l.amount_minor, s.currency FROM settlement_statement_line l JOIN settlement s ON s.id = l.settlement_id
                                 WHERE s.business_date = ? AND (?::text IS NULL OR s.merchant_id = ?) ORDER BY l.settlement_id, l.line_no""",
                                date, merchant, merchant), true, "settlement_id", "line_no", "line_type", "reference",
                                "description", "gross_minor", "amount_minor", "currency");
                    } else {
                        StatementCsv.forEachStored(jdbc, date, merchant,
                                (id, csv) -> System.out.print(csv));
                    }
                }
                return SettleMain.EXIT_OK;
            }
        }
    }

    @Command(name = "payouts", description = "Payouts and payout files: list, four-eyes approval, failure, reissue.",
            subcommands = {Payouts.ListCmd.class, Payouts.Approve.class, Payouts.Fail.class, Payouts.Reissue.class,
                    Payouts.ReleaseReturn.class})
    static final class Payouts {

        static int refused(PayoutException e) {
            System.err.println("refused (" + e.code() + "): " + e.getMessage());
            return SettleMain.EXIT_BUSINESS;
        }

        @Command(name = "list", description = "Payouts (or, with --files, payout files) of a business date.")
        static final class ListCmd implements Callable<Integer> {
            @Option(names = "--date", required = true) LocalDate date;
            @Option(names = "--merchant") String merchant;
            @Option(names = "--files", description = "list payout files and their approval state") boolean files;
            @Option(names = "--json") boolean json;

            @Override
            public Integer call() {
                try (HikariDataSource ds = db()) {
                    JdbcTemplate jdbc = new JdbcTemplate(ds);
                    if (files) {
                        print(jdbc.queryForList("SELECT id, bank, format, file_name, status, payout_count, control_totals, sha256, "
                                + "created_by FROM payout_file WHERE business_date = ? ORDER BY id", date), json, "id", "bank",
                                "format", "file_name", "status", "payout_count", "control_totals", "sha256", "created_by");
                    } else {
                        print(jdbc.queryForList("""
                                SELECT id, settlement_id, merchant_id, currency, amount_minor, method, status, file_id,
                                       end_to_end_id, reissue_of FROM payout
                                 WHERE business_date = ? AND (?::text IS NULL OR merchant_id = ?) ORDER BY id""", date, merchant, merchant),
                                json, "id", "settlement_id", "merchant_id", "currency", "amount_minor", "method", "status",
                                "file_id", "end_to_end_id", "reissue_of");
                    }
                }
                return SettleMain.EXIT_OK;
            }
        }

        @Command(name = "approve", description = "Approve a PENDING_APPROVAL payout file (not by its creator); the next payout run uploads it.")
        static final class Approve implements Callable<Integer> {
            @Parameters(index = "0", description = "payout file id (PF<yyyymmdd>-<nnn>)") String fileId;
            @Option(names = "--by", required = true, description = "the approving finance user") String by;
            @Option(names = "--note", defaultValue = "") String note;

            @Override
            public Integer call() {
                try (HikariDataSource ds = db()) {
                    new PayoutAdmin(ds, Clock.systemUTC()).approve(fileId, by, note);
                    System.out.println("approved " + fileId + " by " + by);
                    return SettleMain.EXIT_OK;
                } catch (PayoutException e) {
                    return refused(e);
                }
            }
        }

        @Command(name = "fail", description = "Declare a SENT payout failed; its money goes back to the merchant's balance.")
        static final class Fail implements Callable<Integer> {
            @Parameters(index = "0") String payoutId;
            @Option(names = "--by", required = true) String by;
            @Option(names = "--reason", required = true) String reason;

            @Override
            public Integer call() {
                try (HikariDataSource ds = db()) {
                    new PayoutAdmin(ds, Clock.systemUTC()).fail(payoutId, by, reason);
                    System.out.println("payout " + payoutId + " marked FAILED");
                    return SettleMain.EXIT_OK;
                } catch (PayoutException e) {
                    return refused(e);
                }
            }
        }

        @Command(name = "reissue", description = "Reissue a FAILED payout (once); it goes into the next payout file.")
        static final class Reissue implements Callable<Integer> {
            @Parameters(index = "0") String payoutId;
            @Option(names = "--by", required = true) String by;
            @Option(names = "--reason", required = true) String reason;

            @Override
            public Integer call() {
                try (HikariDataSource ds = db()) {
                    System.out.println(new PayoutAdmin(ds, Clock.systemUTC()).reissue(payoutId, by, reason));
                    return SettleMain.EXIT_OK;
                } catch (PayoutException e) {
                    return refused(e);
                }
            }
        }

        @Command(name = "release-return", description = "Release a HELD returned payout; it is paid in the next settlement.")
        static final class ReleaseReturn implements Callable<Integer> {
            @Parameters(index = "0") String payoutId;
            @Option(names = "--by", required = true) String by;

            @Override
            public Integer call() {
                try (HikariDataSource ds = db()) {
                    new PayoutAdmin(ds, Clock.systemUTC()).releaseReturn(payoutId, by);
                    return SettleMain.EXIT_OK;
                } catch (PayoutException e) {
                    return refused(e);
                }
            }
        }
    }

    @Command(name = "merchants", description = "Merchant settlement configuration.", subcommands = Merchants.Pricing.class)
    static final class Merchants {

        @Command(name = "pricing", description = "Settlement terms per merchant and currency.", subcommands = Merchants.Set.class)
        static final class Pricing {
        }

        @Command(name = "set", description = "Create or replace a merchant's terms in one currency (amounts in minor units; audited).")
        static final class Set implements Callable<Integer> {
            @Option(names = "--merchant", required = true) String merchant;
            @Option(names = "--currency", required = true) String currency;
            @Option(names = "--bp", defaultValue = "0", description = "percentage fee per capture, basis points") long bp;
            @Option(names = "--fixed", defaultValue = "0", description = "fixed fee per capture, minor units") long fixed;
            @Option(names = "--refund-fee", defaultValue = "0") long refundFee;
            @Option(names = "--chargeback-fee", defaultValue = "0") long chargebackFee;
            @Option(names = "--minimum-fee", defaultValue = "0") long minimumFee;
            @Option(names = "--rounding", defaultValue = "HALF_EVEN") RoundingRule rounding;
            @Option(names = "--reserve-bp", defaultValue = "0") long reserveBp;
            @Option(names = "--reserve-days", defaultValue = "0") int reserveDays;
            @Option(names = "--payout-minimum", defaultValue = "0") long payoutMinimum;
            @Option(names = "--method", required = true, description = "NACHA, PAIN001 or CSV") String method;
            @Option(names = "--bank", defaultValue = "default") String bank;
            @Option(names = "--name", required = true, description = "beneficiary name") String name;
            @Option(names = "--iban") String iban;
            @Option(names = "--bic") String bic;
            @Option(names = "--routing") String routing;
            @Option(names = "--account") String account;
            @Option(names = "--account-type", defaultValue = "checking") String accountType;
            @Option(names = "--on-return", defaultValue = "repay", description = "repay or hold") String onReturn;
            @Option(names = "--by", required = true) String by;

            @Override
            public Integer call() {
                CurrencyUnit c = CurrencyUnit.of(currency);
                MerchantSettlementConfig config;
                try {
                    config = new MerchantSettlementConfig(merchant, new SettlementTerms(c, bp, Money.ofMinor(fixed, c),
                            Money.ofMinor(refundFee, c), Money.ofMinor(chargebackFee, c), Money.ofMinor(minimumFee, c), rounding,
                            reserveBp, reserveDays, Money.ofMinor(payoutMinimum, c)), method, bank, name, iban, bic, routing,
                            account, accountType, onReturn);
                } catch (IllegalArgumentException e) {
                    System.err.println("invalid terms: " + e.getMessage());
                    return SettleMain.EXIT_USAGE;
                }
                try (HikariDataSource ds = db()) {
                    new MerchantSettlementConfigs(ds, Clock.systemUTC()).save(config, by);
                    System.out.println("saved " + merchant + " " + currency);
                    return SettleMain.EXIT_OK;
                }
            }
        }
    }
}
