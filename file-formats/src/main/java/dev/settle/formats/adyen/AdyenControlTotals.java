package dev.settle.formats.adyen;

import dev.settle.formats.Violation;
import dev.settle.money.CurrencyUnit;
import dev.settle.money.Money;
import dev.settle.money.MoneyException;
import dev.settle.money.MoneyTotals;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Control totals of an SDR, accumulated row by row: Σ net per batch and net currency, and Σ gross
 * per gross currency. Memory grows with the number of batches, not rows.
 *
 * <p>The payout check: Adyen closes a batch with a MerchantPayout row that pays out the batch's
 * balance, so in every batch and currency that has payout rows, Σ net of the other rows must equal
 * − Σ net of the payout rows (the batch nets to zero). A mismatch is {@code ADYEN_PAYOUT_MISMATCH},
 * reported on the (first) payout row. Batches without a payout row are not checked: their balance is
 * carried to a later batch.
 */
public final class AdyenControlTotals {

    private final String fileName;
    private final Map<Integer, MoneyTotals> netByBatch = new TreeMap<>();
    private final Map<Integer, MoneyTotals> payoutByBatch = new TreeMap<>();
    private final Map<Integer, Map<CurrencyUnit, Long>> firstPayoutLine = new TreeMap<>();
    private final MoneyTotals grossTotals = new MoneyTotals();
    private final MoneyTotals netTotals = new MoneyTotals();
    private final List<Violation> overflows = new ArrayList<>();

    public AdyenControlTotals(String fileName) {
        this.fileName = fileName;
    }

    /** Adds one row; rows whose amounts could not be typed add nothing for those amounts. */
    public void add(SdrLine row) {
        try {
            if (row.gross() != null) {
                grossTotals.add(row.gross());
            }
            if (row.net() != null) {
                netTotals.add(row.net());
                netByBatch.computeIfAbsent(row.batchNumber(), b -> new MoneyTotals()).add(row.net());
                if (row.type() == SdrRecordType.MERCHANT_PAYOUT) {
                    payoutByBatch.computeIfAbsent(row.batchNumber(), b -> new MoneyTotals()).add(row.net());
                    firstPayoutLine.computeIfAbsent(row.batchNumber(), b -> new TreeMap<>())
                            .putIfAbsent(row.net().currency(), row.line());
                }
            }
        } catch (MoneyException e) {
            overflows.add(new Violation(AdyenViolation.ADYEN_TOTAL_OVERFLOW, fileName, row.line(), null, row.typeText(),
                    null, row.net() == null ? null : row.net().toDecimalString(), e.getMessage()));
        }
    }

    /** Σ net per batch number (0 = rows without a readable batch) and currency. */
    public Map<Integer, MoneyTotals> netByBatch() {
        return Collections.unmodifiableMap(netByBatch);
    }

    public MoneyTotals grossTotals() {
        return grossTotals;
    }

    public MoneyTotals netTotals() {
        return netTotals;
    }

    /** The payout-check and overflow violations, after the last row was added. */
    public List<Violation> violations() {
        List<Violation> out = new ArrayList<>(overflows);
        for (Map.Entry<Integer, MoneyTotals> e : payoutByBatch.entrySet()) {
            MoneyTotals all = netByBatch.get(e.getKey());
            for (Map.Entry<CurrencyUnit, Long> payout : e.getValue().byCurrency().entrySet()) {
                CurrencyUnit currency = payout.getKey();
                long balanceMinor = all.total(currency).amountMinor();
                if (balanceMinor != 0) {
                    Money payoutNet = Money.ofMinor(payout.getValue(), currency);
                    Money balance = Money.ofMinor(balanceMinor, currency);
                    String others;
                    try {
                        others = balance.minus(payoutNet).toString();
                    } catch (MoneyException overflow) {
                        others = "(beyond 64-bit minor units)";
                    }
                    out.add(new Violation(AdyenViolation.ADYEN_PAYOUT_MISMATCH, fileName,
                            firstPayoutLine.get(e.getKey()).get(currency), null, SdrRecordType.MERCHANT_PAYOUT.text(),
                            "Net Debit (NC)", payoutNet.toDecimalString(),
                            "batch " + e.getKey() + ": payout net " + payoutNet + " does not offset the other rows' net "
                                    + others + " (difference " + balance + ")"));
                }
            }
        }
        return out;
    }
}
