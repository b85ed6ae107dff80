package dev.settle.formats.bai2;

import dev.settle.formats.Violation;
import dev.settle.money.CurrencyUnit;
import dev.settle.money.Money;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes BAI2 records one by one (constant memory for any number of records). Before a record is
 * written, its fields are checked (no ',' or '/' inside fixed fields, no line breaks, amounts in
 * the account currency) and it is run through a {@link Bai2Validator}: a wrong nesting, control
 * total or record count throws {@link IllegalArgumentException} and nothing of that record is
 * written.
 *
 * <p>Layout: one physical record per line ending in '/', except 16 records and their 88
 * continuations, which end at the end of the line so the text may hold commas and slashes. A
 * record read with 88 continuations ({@link Bai2Record#physicalRecords()} &gt; 1) is written with
 * the same number of physical records, so record counts survive a round trip.
 */
public final class Bai2Writer {

    /** Text fields cannot contain "/" followed by blanks and a record code: the reader would cut there. */
    private static final java.util.regex.Pattern TEXT_CUT = java.util.regex.Pattern.compile(
            "/\\s*((01|02|03|16|49|88|98|99),.*)?$|/\\s*(01|02|03|16|49|88|98|99),");
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

    private final Writer out;
    private final String lineSeparator;
    private final Bai2Validator validator = new Bai2Validator("(writer)");
    private CurrencyUnit accountCurrency;
    private long recordsWritten;

    public Bai2Writer(Writer out) {
        this(out, "\n");
    }

    public Bai2Writer(Writer out, String lineSeparator) {
        this.out = out;
        this.lineSeparator = lineSeparator;
    }

    public long recordsWritten() {
        return recordsWritten;
    }

    public void write(Bai2Record record) {
        StringBuilder b = new StringBuilder();
        if (record instanceof Bai2FileHeader h) {
            b.append("01,").append(fixed(h.senderId(), "senderId")).append(',').append(fixed(h.receiverId(), "receiverId"))
                    .append(',').append(date(h.creationDate())).append(',').append(fixed(h.creationTime(), "creationTime"))
                    .append(',').append(fixed(h.fileId(), "fileId")).append(',').append(num(h.physicalRecordLength()))
                    .append(',').append(num(h.blockSize())).append(',').append(fixed(h.versionNumber(), "versionNumber"))
                    .append('/');
            padding(b, record);
        } else if (record instanceof Bai2GroupHeader g) {
            b.append("02,").append(fixed(g.ultimateReceiverId(), "ultimateReceiverId")).append(',')
                    .append(fixed(g.originatorId(), "originatorId")).append(',').append(fixed(g.groupStatus(), "groupStatus"))
                    .append(',').append(date(g.asOfDate())).append(',').append(fixed(g.asOfTime(), "asOfTime")).append(',')
                    .append(fixed(g.currencyCode(), "currency")).append(',').append(fixed(g.asOfDateModifier(), "asOfDateModifier"))
                    .append('/');
            padding(b, record);
        } else if (record instanceof Bai2AccountIdentifier a) {
            account(b, a);
        } else if (record instanceof Bai2TransactionDetail d) {
            detail(b, d);
        } else if (record instanceof Bai2AccountTrailer t) {
            b.append("49,").append(num(t.controlTotal())).append(',').append(num(t.numberOfRecords())).append('/');
            padding(b, record);
        } else if (record instanceof Bai2GroupTrailer t) {
            b.append("98,").append(num(t.controlTotal())).append(',').append(num(t.numberOfAccounts())).append(',')
                    .append(num(t.numberOfRecords())).append('/');
            padding(b, record);
        } else {
            Bai2FileTrailer t = (Bai2FileTrailer) record;
            b.append("99,").append(num(t.controlTotal())).append(',').append(num(t.numberOfGroups())).append(',')
                    .append(num(t.numberOfRecords())).append('/');
            padding(b, record);
        }
        int before = validator.violations().size();
        validator.accept(record);
        if (validator.violations().size() > before) {
            Violation v = validator.violations().get(before);
            throw new IllegalArgumentException("refusing to write " + record.recordCode() + ": [" + v.code().code() + "] "
                    + (v.field() == null ? "" : v.field() + "=" + v.rawValue() + ": ") + v.message());
        }
        b.append(lineSeparator);
        try {
            out.write(b.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        recordsWritten += record.physicalRecords();
    }

    /** Checks that the file trailer came (call after the last record). */
    public void finish() {
        validator.finish();
        if (!validator.violations().isEmpty()) {
            throw new IllegalStateException("incomplete file: " + validator.violations().get(0).message());
        }
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void account(StringBuilder b, Bai2AccountIdentifier a) {
        if (a.currency() == null) {
            throw new IllegalArgumentException("03 account " + a.accountNumber() + " has no known currency");
        }
        accountCurrency = a.currency();
        b.append("03,").append(fixed(a.accountNumber(), "accountNumber")).append(',').append(fixed(a.currencyCode(), "currency"));
        List<Bai2Summary> s = a.summaries();
        int lines = a.physicalRecords();
        for (int line = 0; line < lines; line++) {
            int from = (int) ((long) line * s.size() / lines);
            int to = (int) ((long) (line + 1) * s.size() / lines);
            if (line > 0) {
                b.append(lineSeparator).append("88");
            }
            for (int i = from; i < to; i++) {
                Bai2Summary sum = s.get(i);
                if (sum.typeCode() == null || !sum.typeCode().matches("\\d{3}")) {
                    throw new IllegalArgumentException("03 summary type code must be 3 digits: " + sum.typeCode());
                }
                b.append(',').append(sum.typeCode()).append(',').append(amount(sum.amount(), true)).append(',')
                        .append(num(sum.itemCount())).append(',');
                funds(b, sum.funds());
            }
            b.append(to == from ? ",/" : "/"); // "88/" would not read as a record: "88,/" does
        }
    }

    private void detail(StringBuilder b, Bai2TransactionDetail d) {
        if (d.typeCode() == null || !d.typeCode().matches("\\d{3}") || Bai2TypeCode.of(d.typeCode()) == Bai2TypeCode.STATUS) {
            throw new IllegalArgumentException("16 type code must be 3 digits of 100 or more: " + d.typeCode());
        }
        if (d.amount() == null || d.amount().isNegative()) {
            throw new IllegalArgumentException("16 amount must be present and not negative: " + d.amount());
        }
        if (d.amount().currency() != accountCurrency) {
            throw new IllegalArgumentException("16 amount " + d.amount() + " is not in the account currency " + accountCurrency);
        }
        b.append("16,").append(d.typeCode()).append(',').append(amount(d.amount(), false)).append(',');
        funds(b, d.funds());
        b.append(',').append(fixed(d.bankReference(), "bankReference")).append(',')
                .append(fixed(d.customerReference(), "customerReference")).append(',').append(text(d.text()));
        for (String c : d.continuations()) {
            b.append(lineSeparator).append("88,").append(text(c));
        }
    }

    private void funds(StringBuilder b, Bai2Funds f) {
        String type = f == null ? "" : f.type();
        b.append(type);
        switch (type) {
            case "", "0", "1", "2", "Z" -> { }
            case "S" -> b.append(',').append(amount(f.immediate(), true)).append(',').append(amount(f.oneDay(), true))
                    .append(',').append(amount(f.twoOrMoreDays(), true));
            case "V" -> b.append(',').append(date(f.valueDate())).append(',').append(fixed(f.valueTime(), "valueTime"));
            case "D" -> {
                b.append(',').append(f.distribution().size());
                for (Bai2Funds.Distribution d : f.distribution()) {
                    b.append(',').append(d.days()).append(',').append(amount(d.amount(), true));
                }
            }
            default -> throw new IllegalArgumentException("funds type must be 0, 1, 2, S, V, D, Z or blank: " + type);
        }
    }

    private void padding(StringBuilder b, Bai2Record r) {
        for (int i = 1; i < r.physicalRecords(); i++) {
            b.append(lineSeparator).append("88,/"); // an empty continuation: keeps the physical record count
        }
    }

    private String amount(Money m, boolean signed) {
        if (m == null) {
            return "";
        }
        if (accountCurrency != null && m.currency() != accountCurrency) {
            throw new IllegalArgumentException("amount " + m + " is not in the account currency " + accountCurrency);
        }
        if (!signed && m.isNegative()) {
            throw new IllegalArgumentException("amount must not be negative: " + m);
        }
        return Long.toString(m.amountMinor());
    }

    private static String num(Number n) {
        return n == null ? "" : n.toString();
    }

    private static String date(LocalDate d) {
        if (d == null) {
            return "";
        }
        if (d.getYear() < 1980 || d.getYear() > 2079) {
            throw new IllegalArgumentException("date " + d + " is outside 1980-2079 (YY cannot carry it)");
        }
        return YYMMDD.format(d);
    }

    private static String fixed(String value, String field) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') >= 0 || value.indexOf('/') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0
                || !value.equals(value.strip())) {
            throw new IllegalArgumentException(field + " '" + value + "' contains ',', '/', a line break or edge blanks");
        }
        return value;
    }

    private static String text(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0 || TEXT_CUT.matcher(value).find()) {
            throw new IllegalArgumentException("text '" + value + "' contains a line break or a '/' the reader would "
                    + "take as the end of the record");
        }
        return value;
    }
}
