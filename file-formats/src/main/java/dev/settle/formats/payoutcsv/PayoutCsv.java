package dev.settle.formats.payoutcsv;

import dev.settle.formats.Violation;
import dev.settle.money.CurrencyUnit;
import dev.settle.money.Money;
import dev.settle.money.MoneyException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;

/** Layout, field limits and the field rules shared by {@link PayoutCsvWriter} and {@link PayoutCsvValidator}. */
public final class PayoutCsv {

    public static final List<String> HEADER = List.of("record_type", "payout_id", "merchant_id", "beneficiary_name",
            "account", "bic", "amount", "currency", "end_to_end_id", "execution_date");
    public static final String PAYOUT = "P";
    public static final String TRAILER = "T";
    public static final int PAYOUT_FIELDS = 10;
    public static final int TRAILER_FIELDS = 4;

    public static final int PAYOUT_ID_MAX = 35;
    public static final int MERCHANT_ID_MAX = 35;
    public static final int BENEFICIARY_NAME_MAX = 140; // ISO 20022 Max140Text
    public static final int END_TO_END_ID_MAX = 35; // ISO 20022 EndToEndId Max35Text
    public static final int ACCOUNT_MAX = 34; // IBAN maximum; "routing/account" is at most 27
    public static final int US_ACCOUNT_NUMBER_MAX = 17; // NACHA DFI account number
    public static final int AMOUNT_MAX_CHARS = 20; // bounds BigDecimal parsing of hostile input

    /** Writer format: RFC 4180 with LF record separators. */
    static final CSVFormat WRITE_FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();
    /** Reader format: RFC 4180; CRLF and LF both accepted. */
    static final CSVFormat READ_FORMAT = CSVFormat.DEFAULT.builder().get();

    private static final Pattern AMOUNT = Pattern.compile("\\d+(\\.\\d+)?");
    private static final Pattern IBAN = Pattern.compile("[A-Z]{2}\\d{2}[A-Z0-9]{11,30}");
    private static final Pattern US_ACCOUNT = Pattern.compile("(\\d{9})/([A-Za-z0-9-]{1,17})");
    private static final Pattern BIC = Pattern.compile("[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private PayoutCsv() {
    }

    /** Checks every field of a payout row; adds one violation per bad field. Returns the amount when it is valid. */
    static Optional<Money> check(PayoutCsvRecord.PayoutRow row, String file, List<Violation> out) {
        Rules r = new Rules(file, row.line(), out);
        r.text("payout_id", row.payoutId(), PAYOUT_ID_MAX, true);
        r.text("merchant_id", row.merchantId(), MERCHANT_ID_MAX, true);
        r.text("beneficiary_name", row.beneficiaryName(), BENEFICIARY_NAME_MAX, true);
        r.text("end_to_end_id", row.endToEndId(), END_TO_END_ID_MAX, true);
        if (r.text("account", row.account(), ACCOUNT_MAX, true) && !validAccount(row.account())) {
            r.fail(PayoutCsvViolation.PAYOUT_CSV_BAD_ACCOUNT, "account", row.account(),
                    "neither an IBAN with a valid checksum nor routing/account with a valid routing number");
        }
        if (!row.bic().isEmpty() && !BIC.matcher(row.bic()).matches()) {
            r.fail(PayoutCsvViolation.PAYOUT_CSV_BAD_BIC, "bic", row.bic(), "not a BIC8 or BIC11");
        }
        if (row.executionDate().isEmpty()) {
            r.fail(PayoutCsvViolation.PAYOUT_CSV_FIELD_REQUIRED, "execution_date", row.executionDate(), "required");
        } else if (parseDate(row.executionDate()).isEmpty()) {
            r.fail(PayoutCsvViolation.PAYOUT_CSV_BAD_DATE, "execution_date", row.executionDate(), "expected yyyy-MM-dd");
        }
        Optional<Money> amount = amount("amount", row.amount(), row.currency(), r);
        if (amount.isPresent() && !amount.get().isPositive()) {
            r.fail(PayoutCsvViolation.PAYOUT_CSV_BAD_AMOUNT, "amount", row.amount(), "a payout must be positive");
            return Optional.empty();
        }
        return amount;
    }

    static Optional<Money> amount(String field, String raw, String currencyCode, Rules r) {
        Optional<CurrencyUnit> currency = CurrencyUnit.find(currencyCode);
        if (currency.isEmpty()) {
            r.fail(PayoutCsvViolation.PAYOUT_CSV_UNKNOWN_CURRENCY, "currency", currencyCode, "not an ISO 4217 code");
        }
        if (raw.length() > AMOUNT_MAX_CHARS || !AMOUNT.matcher(raw).matches()) {
            r.fail(PayoutCsvViolation.PAYOUT_CSV_BAD_AMOUNT, field, raw, "expected a plain decimal such as 1250.50");
            return Optional.empty();
        }
        if (currency.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Money.of(new BigDecimal(raw), currency.get()));
        } catch (MoneyException e) {
            r.fail(e.code() == MoneyException.Code.SCALE_EXCEEDS_CURRENCY ? PayoutCsvViolation.PAYOUT_CSV_AMOUNT_SCALE
                    : PayoutCsvViolation.PAYOUT_CSV_BAD_AMOUNT, field, raw, e.getMessage());
            return Optional.empty();
        }
    }

    static Optional<LocalDate> parseDate(String raw) {
        if (!DATE.matcher(raw).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(raw));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** IBAN (ISO 13616 mod-97 = 1) or "routing/account" with an ABA check digit. */
    static boolean validAccount(String account) {
        if (IBAN.matcher(account).matches()) {
            String rearranged = account.substring(4) + account.substring(0, 4);
            StringBuilder digits = new StringBuilder();
            for (char c : rearranged.toCharArray()) {
                digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
            }
            return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
        }
        var m = US_ACCOUNT.matcher(account);
        if (m.matches()) {
            String routing = m.group(1);
            int[] w = {3, 7, 1, 3, 7, 1, 3, 7, 1};
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (routing.charAt(i) - '0') * w[i];
            }
            return sum % 10 == 0;
        }
        return false;
    }

    /** Collects violations of one row. */
    static final class Rules {
        private final String file;
        private final long line;
        private final List<Violation> out;

        Rules(String file, long line, List<Violation> out) {
            this.file = file;
            this.line = line;
            this.out = out;
        }

        void fail(PayoutCsvViolation code, String field, String raw, String message) {
            out.add(new Violation(code, file, line, null, "payout", field, raw, message));
        }

        /** True when the value is present, short enough and printable. */
        boolean text(String field, String value, int max, boolean required) {
            if (value == null || value.isBlank()) {
                if (required) {
                    fail(PayoutCsvViolation.PAYOUT_CSV_FIELD_REQUIRED, field, value, "required");
                }
                return false;
            }
            if (value.length() > max) {
                fail(PayoutCsvViolation.PAYOUT_CSV_FIELD_TOO_LONG, field, value,
                        value.length() + " characters, at most " + max + " allowed");
                return false;
            }
            if (value.chars().anyMatch(Character::isISOControl)) {
                fail(PayoutCsvViolation.PAYOUT_CSV_FIELD_INVALID, field, value, "contains a control character");
                return false;
            }
            return true;
        }
    }
}
