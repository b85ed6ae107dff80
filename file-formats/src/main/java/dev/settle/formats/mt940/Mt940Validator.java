package dev.settle.formats.mt940;

import dev.settle.formats.Violation;
import dev.settle.money.Money;
import dev.settle.money.MoneyException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Checks each statement of a stream of {@link Mt940Item}s, keeping only per-statement running
 * totals (constant memory): all balances in one currency, and opening balance + Σ signed entries
 * = closing balance (C and RD add, D and RC subtract). Fed item by item ({@link #accept}) or all at
 * once ({@link #validate}); returns every violation, not only the first.
 */
public final class Mt940Validator {

    private final String fileName;
    private final List<Violation> violations = new ArrayList<>();
    private Mt940StatementHeader header;
    private long sumMinor;
    private boolean sumKnown;
    private long entries;

    public Mt940Validator(String fileName) {
        this.fileName = Objects.requireNonNull(fileName);
    }

    /** Reads the whole stream and returns the reader's violations followed by the validator's. */
    public static List<Violation> validate(Mt940Reader reader) {
        Mt940Validator validator = new Mt940Validator(reader.fileName());
        while (reader.hasNext()) {
            validator.accept(reader.next());
        }
        List<Violation> all = new ArrayList<>(reader.violations());
        all.addAll(validator.violations());
        return all;
    }

    public void accept(Mt940Item item) {
        if (item instanceof Mt940StatementHeader h) {
                header = h;
                sumMinor = 0;
                entries = 0;
                sumKnown = h.openingBalance() != null && h.openingBalance().signedAmount() != null;
        } else if (item instanceof Mt940Entry e) {
                entries++;
                Money signed = e.signedAmount();
                if (signed == null) {
                    sumKnown = false;
                } else if (sumKnown) {
                    try {
                        sumMinor = Math.addExact(sumMinor, signed.amountMinor());
                    } catch (ArithmeticException ex) {
                        sumKnown = false;
                    }
                }
        } else {
            finishStatement((Mt940StatementTrailer) item);
        }
    }

    public List<Violation> violations() {
        return Collections.unmodifiableList(violations);
    }

    private void finishStatement(Mt940StatementTrailer t) {
        Mt940Balance opening = header == null ? null : header.openingBalance();
        Mt940Balance closing = t.closingBalance();
        String reference = header == null ? null : header.transactionReference();
        List<Mt940Balance> others = new ArrayList<>();
        if (closing != null) {
            others.add(closing);
        }
        if (t.closingAvailableBalance() != null) {
            others.add(t.closingAvailableBalance());
        }
        others.addAll(t.forwardAvailableBalances());
        boolean currencyOk = true;
        if (opening != null && opening.currencyCode() != null) {
            for (Mt940Balance b : others) {
                if (b.currencyCode() != null && !b.currencyCode().equals(opening.currencyCode())) {
                    currencyOk = false;
                    violations.add(new Violation(Mt940Violation.MT940_CURRENCY_MISMATCH, fileName, b.line(), null,
                            ":" + b.tag() + ":", "currency", b.currencyCode(), "statement " + reference
                                    + " opens in " + opening.currencyCode() + " but this balance is in " + b.currencyCode()));
                }
            }
        }
        if (currencyOk && sumKnown && closing != null && closing.signedAmount() != null) {
            try {
                Money expected = opening.signedAmount().plus(Money.ofMinor(sumMinor, opening.amount().currency()));
                if (!expected.equals(closing.signedAmount())) {
                    violations.add(new Violation(Mt940Violation.MT940_BALANCE_MISMATCH, fileName, closing.line(), null,
                            ":" + closing.tag() + ":", "amount", closing.signedAmount().toString(),
                            "statement " + reference + ": opening " + opening.signedAmount() + " + " + entries
                                    + " entries " + Money.ofMinor(sumMinor, opening.amount().currency())
                                    + " = " + expected + ", but the closing balance is " + closing.signedAmount()));
                }
            } catch (MoneyException e) {
                violations.add(new Violation(Mt940Violation.MT940_BAD_AMOUNT, fileName, closing.line(), null,
                        ":" + closing.tag() + ":", "amount", null, e.getMessage()));
            }
        }
        header = null;
    }
}
