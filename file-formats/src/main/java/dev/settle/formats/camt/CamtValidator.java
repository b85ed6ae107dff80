package dev.settle.formats.camt;

import dev.settle.formats.FormatException;
import dev.settle.formats.Violation;
import dev.settle.money.CurrencyUnit;
import dev.settle.money.Money;
import dev.settle.money.MoneyException;
import dev.settle.money.MoneyTotals;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Business checks over a camt record stream, fed one record at a time (constant memory):
 * <ul>
 *   <li>per statement: opening booked balance (OPBD, or PRCD when there is no OPBD) + Σ booked
 *   entries (Sts BOOK or absent; credits +, debits −, reversals by their own CdtDbtInd) = closing
 *   booked balance (CLBD) → {@code CAMT_BALANCE_MISMATCH}; skipped when either balance is absent
 *   (camt.054 has none); balances and entries in different currencies →
 *   {@code CAMT_BALANCE_CURRENCY_MISMATCH};</li>
 *   <li>per entry: Btch/NbOfTxs = number of TxDtls, when TxDtls are given (a batch reported only as
 *   a summary, with no TxDtls, is allowed) → {@code CAMT_BATCH_COUNT_MISMATCH}.</li>
 * </ul>
 */
public final class CamtValidator {

    private final String file;
    private final List<Violation> violations = new ArrayList<>();
    private CamtStatement statement;
    private MoneyTotals bookedTotals;
    private boolean unreadableEntry;

    public CamtValidator(String file) {
        this.file = file;
    }

    /**
     * Reads the whole stream and returns every violation: the reader's parse problems, then
     * business checks in file order; a fatal structural problem ends the list.
     */
    public static List<Violation> validate(InputStream in, String file) {
        CamtValidator validator = new CamtValidator(file);
        List<Violation> all = new ArrayList<>();
        try (CamtReader reader = CamtReader.open(in, file)) {
            try {
                while (reader.hasNext()) {
                    validator.accept(reader.next());
                }
            } finally {
                all.addAll(reader.violations());
            }
        } catch (FormatException e) {
            all.addAll(validator.violations());
            all.add(e.violation());
            return all;
        }
        all.addAll(validator.violations());
        return all;
    }

    public void accept(CamtRecord record) {
        if (record instanceof CamtStatement s) {
            statement = s;
            bookedTotals = new MoneyTotals();
            unreadableEntry = false;
        } else if (record instanceof CamtEntry e) {
            checkEntry(e);
        } else if (record instanceof CamtStatementEnd end) {
            checkBalances(end);
        }
    }

    public List<Violation> violations() {
        return violations;
    }

    private void checkEntry(CamtEntry e) {
        if (e.batchNumberOfTxs() != null && !e.transactions().isEmpty()
                && e.batchNumberOfTxs() != e.transactions().size()) {
            violations.add(new Violation(CamtViolation.CAMT_BATCH_COUNT_MISMATCH, file, e.location().line(),
                    e.location().xmlPath() + "/NtryDtls/Btch/NbOfTxs", "Ntry", "NbOfTxs",
                    String.valueOf(e.batchNumberOfTxs()),
                    "batch says " + e.batchNumberOfTxs() + " transactions but " + e.transactions().size()
                            + " TxDtls are given"));
        }
        if (statement == null || !booked(e)) {
            return;
        }
        Money signed = e.signedAmount();
        if (signed == null) {
            unreadableEntry = true;
            return;
        }
        try {
            bookedTotals.add(signed);
        } catch (MoneyException ex) {
            unreadableEntry = true;
            violations.add(new Violation(CamtViolation.CAMT_AMOUNT_OVERFLOW, file, e.location().line(),
                    e.location().xmlPath(), "Ntry", "Amt", signed.toString(), ex.getMessage()));
        }
    }

    /** Pending (PDNG) and information-only (INFO) entries do not move the booked balance. */
    private static boolean booked(CamtEntry e) {
        return e.status() == null || "BOOK".equals(e.status());
    }

    private void checkBalances(CamtStatementEnd end) {
        CamtStatement s = statement;
        statement = null;
        if (s == null || unreadableEntry) {
            return;
        }
        CamtBalance opening = s.balance("OPBD") != null ? s.balance("OPBD") : s.balance("PRCD");
        CamtBalance closing = s.balance("CLBD");
        if (opening == null || closing == null || opening.amount() == null || closing.amount() == null) {
            return;
        }
        CurrencyUnit ccy = opening.amount().currency();
        boolean oneCurrency = closing.amount().currency() == ccy
                && bookedTotals.byCurrency().keySet().stream().allMatch(c -> c == ccy);
        if (!oneCurrency) {
            violations.add(new Violation(CamtViolation.CAMT_BALANCE_CURRENCY_MISMATCH, file, closing.location().line(),
                    closing.location().xmlPath(), "Bal", "Amt@Ccy",
                    opening.amount().currency() + "/" + closing.amount().currency() + "/"
                            + bookedTotals.byCurrency().keySet(),
                    "statement " + s.id() + ": opening " + opening.typeCode() + ", closing CLBD and entries are not in"
                            + " one currency, so opening + entries = closing cannot be checked"));
            return;
        }
        Money net = bookedTotals.total(ccy);
        try {
            Money expected = opening.amount().plus(net);
            if (!expected.equals(closing.amount())) {
                violations.add(new Violation(CamtViolation.CAMT_BALANCE_MISMATCH, file, closing.location().line(),
                        closing.location().xmlPath(), "Bal", "Amt", closing.amount().toString(),
                        "statement " + s.id() + ": opening " + opening.typeCode() + " " + opening.amount()
                                + " + booked entries " + net + " = " + expected + ", but CLBD is " + closing.amount()
                                + " (difference " + closing.amount().minus(expected) + ")"));
            }
        } catch (MoneyException ex) {
            violations.add(new Violation(CamtViolation.CAMT_AMOUNT_OVERFLOW, file, closing.location().line(),
                    closing.location().xmlPath(), "Bal", "Amt", closing.amount().toString(), ex.getMessage()));
        }
    }
}
