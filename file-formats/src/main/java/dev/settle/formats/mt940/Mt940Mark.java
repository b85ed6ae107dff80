package dev.settle.formats.mt940;

/**
 * Debit/credit mark of a :61: statement line or a balance. RC and RD are reversals: RC (reversal
 * of credit) reduces the balance like a debit, RD (reversal of debit) increases it like a credit.
 */
public enum Mt940Mark {
    C(1, false),
    D(-1, false),
    RC(-1, true),
    RD(1, true);

    private final int balanceSign;
    private final boolean reversal;

    Mt940Mark(int balanceSign, boolean reversal) {
        this.balanceSign = balanceSign;
        this.reversal = reversal;
    }

    /** +1 when the entry increases the account balance (C, RD), -1 when it decreases it (D, RC). */
    public int balanceSign() {
        return balanceSign;
    }

    public boolean isReversal() {
        return reversal;
    }
}
