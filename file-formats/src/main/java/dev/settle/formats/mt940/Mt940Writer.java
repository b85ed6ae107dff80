package dev.settle.formats.mt940;

import dev.settle.money.CurrencyUnit;
import dev.settle.money.Money;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes MT940 statements item by item (header, entries, trailer), so emulating a bank file of a
 * million statement lines needs constant memory. Every field is checked against the SWIFT limits
 * below BEFORE anything of the item is written, and the closing balance is checked against
 * opening + Σ entries before the trailer is written; a violation throws
 * {@link IllegalArgumentException} naming the field.
 *
 * <p>Output: one tag per line, {@code lineSeparator} (CRLF by default, as SWIFT FIN), amounts with
 * ',' and the currency's full exponent ("9,00"), a "-" line after each statement. Fields the reader
 * keeps but does not interpret ({@link Mt940RawTag}) are written back verbatim.
 */
public final class Mt940Writer {

    /** :20: and :21: are 16x. */
    public static final int REFERENCE_MAX = 16;
    /** :25: is 35x. */
    public static final int ACCOUNT_MAX = 35;
    /** :28C: statement number and sequence number are 5n each. */
    public static final int STATEMENT_NUMBER_MAX = 5;
    /** Amounts are 15d including the decimal comma. */
    public static final int AMOUNT_MAX_CHARS = 15;
    /** :61: customer reference and bank reference are 16x each. */
    public static final int CUSTOMER_REFERENCE_MAX = 16;
    public static final int BANK_REFERENCE_MAX = 16;
    /** :61: supplementary details are 34x. */
    public static final int SUPPLEMENTARY_MAX = 34;
    /** :86: is 6*65x. */
    public static final int INFORMATION_LINES_MAX = 6;
    public static final int INFORMATION_LINE_MAX = 65;

    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    private static final DateTimeFormatter MMDD = DateTimeFormatter.ofPattern("MMdd");

    private final Writer out;
    private final String lineSeparator;
    private final int informationLinesMax;
    private Mt940StatementHeader header;
    private long sumMinor;
    private long entriesWritten;

    public Mt940Writer(Writer out) {
        this(out, "\r\n");
    }

    public Mt940Writer(Writer out, String lineSeparator) {
        this(out, lineSeparator, INFORMATION_LINES_MAX);
    }

    /**
     * @param informationLinesMax lines allowed per :86: — {@link #INFORMATION_LINES_MAX} per SWIFT;
     *     emulating banks that send more (the German SEPA sample has 7) needs a larger value
     */
    public Mt940Writer(Writer out, String lineSeparator, int informationLinesMax) {
        this.out = out;
        this.lineSeparator = lineSeparator;
        this.informationLinesMax = informationLinesMax;
    }

    public void write(Mt940Item item) {
        if (item instanceof Mt940StatementHeader h) {
            writeHeader(h);
        } else if (item instanceof Mt940Entry e) {
            writeEntry(e);
        } else {
            writeTrailer((Mt940StatementTrailer) item);
        }
    }

    public long entriesWritten() {
        return entriesWritten;
    }

    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void writeHeader(Mt940StatementHeader h) {
        if (header != null) {
            throw new IllegalStateException("statement " + header.transactionReference() + " has no trailer yet");
        }
        require(h.transactionReference(), REFERENCE_MAX, ":20: transaction reference");
        if (h.relatedReference() != null) {
            require(h.relatedReference(), REFERENCE_MAX, ":21: related reference");
        }
        require(h.accountId(), ACCOUNT_MAX, ":25: account");
        requireDigits(h.statementNumber(), STATEMENT_NUMBER_MAX, ":28C: statement number");
        if (h.sequenceNumber() != null) {
            requireDigits(h.sequenceNumber(), STATEMENT_NUMBER_MAX, ":28C: sequence number");
        }
        String opening = balance(h.openingBalance(), ":60F:");
        if (!h.openingBalance().tag().startsWith("60")) {
            throw new IllegalArgumentException("opening balance tag must be 60F or 60M, not " + h.openingBalance().tag());
        }
        StringBuilder b = new StringBuilder();
        line(b, ":20:" + h.transactionReference());
        if (h.relatedReference() != null) {
            line(b, ":21:" + h.relatedReference());
        }
        line(b, ":25:" + h.accountId());
        line(b, ":28C:" + h.statementNumber() + (h.sequenceNumber() == null ? "" : "/" + h.sequenceNumber()));
        raw(b, h.extraTags());
        line(b, ":" + h.openingBalance().tag() + ":" + opening);
        emit(b);
        header = h;
        sumMinor = h.openingBalance().signedAmount().amountMinor();
    }

    public void writeEntry(Mt940Entry e) {
        if (header == null) {
            throw new IllegalStateException("statement line without a statement header");
        }
        CurrencyUnit currency = header.openingBalance().amount().currency();
        if (e.valueDate() == null || e.mark() == null || e.amount() == null) {
            throw new IllegalArgumentException(":61: needs value date, mark and amount");
        }
        if (e.amount().currency() != currency) {
            throw new IllegalArgumentException(":61: amount " + e.amount() + " is not in the statement currency " + currency);
        }
        requireYear(e.valueDate(), ":61: value date");
        if (e.entryDate() != null) {
            int delta = e.entryDate().getMonthValue() - e.valueDate().getMonthValue();
            int expectedYear = e.valueDate().getYear() + (delta > 6 ? -1 : delta < -6 ? 1 : 0);
            if (e.entryDate().getYear() != expectedYear) {
                throw new IllegalArgumentException(":61: entry date " + e.entryDate()
                        + " is more than six months from the value date " + e.valueDate() + "; MMDD cannot carry it");
            }
        }
        String amount = amount(e.amount(), ":61: amount");
        if (e.transactionType() == null || e.transactionType().length() != 4) {
            throw new IllegalArgumentException(":61: transaction type must be 4 characters, got '" + e.transactionType() + "'");
        }
        String customer = e.customerReference() == null ? "" : e.customerReference();
        require(customer, CUSTOMER_REFERENCE_MAX, ":61: customer reference");
        noSeparator(customer, ":61: customer reference");
        if (e.bankReference() != null) {
            require(e.bankReference(), BANK_REFERENCE_MAX, ":61: bank reference");
        }
        if (e.supplementaryDetails() != null) {
            require(e.supplementaryDetails(), SUPPLEMENTARY_MAX, ":61: supplementary details");
        }
        List<String> info = e.information() == null ? List.of() : List.of(e.information().split("\n", -1));
        if (info.size() > informationLinesMax) {
            throw new IllegalArgumentException(":86: has " + info.size() + " lines, at most " + informationLinesMax);
        }
        for (String l : info) {
            require(l, INFORMATION_LINE_MAX, ":86: line");
            noTagStart(l, ":86: line");
        }
        long newSum;
        try {
            newSum = Math.addExact(sumMinor, e.signedAmount().amountMinor());
        } catch (ArithmeticException ex) {
            throw new IllegalArgumentException("running balance overflows at :61: " + e.amount(), ex);
        }
        StringBuilder b = new StringBuilder();
        b.append(":61:").append(YYMMDD.format(e.valueDate()));
        if (e.entryDate() != null) {
            b.append(MMDD.format(e.entryDate()));
        }
        b.append(e.mark().name());
        if (e.fundsCode() != null) {
            b.append(e.fundsCode().charValue());
        }
        b.append(amount).append(e.transactionType()).append(customer);
        if (e.bankReference() != null) {
            b.append("//").append(e.bankReference());
        }
        b.append(lineSeparator);
        if (e.supplementaryDetails() != null) {
            line(b, e.supplementaryDetails());
        }
        raw(b, e.extraTags());
        for (int i = 0; i < info.size(); i++) {
            line(b, (i == 0 ? ":86:" : "") + info.get(i));
        }
        emit(b);
        sumMinor = newSum;
        entriesWritten++;
    }

    public void writeTrailer(Mt940StatementTrailer t) {
        if (header == null) {
            throw new IllegalStateException("statement trailer without a statement header");
        }
        String closing = balance(t.closingBalance(), ":62F:");
        String currency = header.openingBalance().currencyCode();
        if (!t.closingBalance().currencyCode().equals(currency)) {
            throw new IllegalArgumentException(":62F: currency " + t.closingBalance().currencyCode()
                    + " differs from the opening balance currency " + currency);
        }
        if (t.closingBalance().signedAmount().amountMinor() != sumMinor) {
            throw new IllegalArgumentException("control: opening + entries = "
                    + Money.ofMinor(sumMinor, t.closingBalance().amount().currency()) + " but closing balance is "
                    + t.closingBalance().signedAmount());
        }
        String available = t.closingAvailableBalance() == null ? null : balance(t.closingAvailableBalance(), ":64:");
        StringBuilder b = new StringBuilder();
        line(b, ":" + t.closingBalance().tag() + ":" + closing);
        if (available != null) {
            line(b, ":64:" + available);
        }
        for (Mt940Balance forward : t.forwardAvailableBalances()) {
            line(b, ":65:" + balance(forward, ":65:"));
        }
        raw(b, t.extraTags()); // the reader files tags after the closing balance here
        if (t.information() != null) {
            String[] info = t.information().split("\n", -1);
            if (info.length > informationLinesMax) {
                throw new IllegalArgumentException(":86: has " + info.length + " lines, at most " + informationLinesMax);
            }
            for (int i = 0; i < info.length; i++) {
                require(info[i], INFORMATION_LINE_MAX, ":86: line");
                noTagStart(info[i], ":86: line");
                line(b, (i == 0 ? ":86:" : "") + info[i]);
            }
        }
        line(b, "-");
        emit(b);
        header = null;
    }

    private String balance(Mt940Balance balance, String what) {
        if (balance == null || balance.mark() == null || balance.date() == null || balance.amount() == null) {
            throw new IllegalArgumentException(what + " balance needs mark, date and amount");
        }
        if (balance.mark().isReversal()) {
            throw new IllegalArgumentException(what + " balance mark must be C or D");
        }
        if (!balance.amount().currency().code().equals(balance.currencyCode())) {
            throw new IllegalArgumentException(what + " currency code " + balance.currencyCode()
                    + " differs from the amount's " + balance.amount().currency());
        }
        requireYear(balance.date(), what + " date");
        return balance.mark().name() + YYMMDD.format(balance.date()) + balance.currencyCode()
                + amount(balance.amount(), what + " amount");
    }

    private static String amount(Money amount, String what) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative (the mark gives the sign): " + amount);
        }
        String plain = amount.toMajor().toPlainString();
        String text = plain.indexOf('.') < 0 ? plain + "," : plain.replace('.', ',');
        if (text.length() > AMOUNT_MAX_CHARS) {
            throw new IllegalArgumentException(what + " '" + text + "' is longer than " + AMOUNT_MAX_CHARS);
        }
        return text;
    }

    private static void requireYear(LocalDate date, String what) {
        if (date.getYear() < 1980 || date.getYear() > 2079) {
            throw new IllegalArgumentException(what + " " + date + " is outside 1980-2079 (YY cannot carry it)");
        }
    }

    private static void require(String value, int max, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is missing");
        }
        if (value.length() > max) {
            throw new IllegalArgumentException(what + " '" + value + "' is longer than " + max);
        }
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException(what + " contains a line break");
        }
    }

    private static void requireDigits(String value, int max, String what) {
        require(value, max, what);
        if (value.isEmpty() || !value.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException(what + " '" + value + "' must be 1 to " + max + " digits");
        }
    }

    private static void noSeparator(String value, String what) {
        if (value.contains("//")) {
            throw new IllegalArgumentException(what + " '" + value + "' contains '//', the bank-reference separator");
        }
    }

    private static void noTagStart(String value, String what) {
        if (value.matches("^:[0-9A-Z]{2,3}:.*") || value.startsWith("-") || value.startsWith("{") || value.isBlank()) {
            throw new IllegalArgumentException(what + " '" + value + "' would be read as a tag, statement end or skipped");
        }
    }

    private void raw(StringBuilder b, List<Mt940RawTag> tags) {
        for (Mt940RawTag t : tags) {
            String[] parts = t.value().split("\n", -1);
            for (int i = 1; i < parts.length; i++) {
                noTagStart(parts[i], ":" + t.tag() + ": line");
            }
            line(b, ":" + t.tag() + ":" + parts[0]);
            for (int i = 1; i < parts.length; i++) {
                line(b, parts[i]);
            }
        }
    }

    private void line(StringBuilder b, String text) {
        b.append(text).append(lineSeparator);
    }

    private void emit(StringBuilder b) {
        try {
            out.write(b.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
