package dev.settle.ledger;

/**
 * What an account holds, and on which side it normally grows. A debit-normal account's balance is
 * Σdebits − Σcredits; a credit-normal one's is Σcredits − Σdebits, so both read as positive in the
 * normal case.
 */
public enum AccountKind {
    // Per merchant and currency: what Settle owes the merchant, by stage.
    /** Captured but not yet settled (reconciled and included in a settlement). */
    MERCHANT_PENDING(OwnerType.MERCHANT, Side.CREDIT),
    /** Settled and payable; a payout moves it out. Negative means the merchant owes Settle. */
    MERCHANT_AVAILABLE(OwnerType.MERCHANT, Side.CREDIT),
    /** Rolling reserve held back from settlements, released after the holding period. */
    MERCHANT_RESERVE(OwnerType.MERCHANT, Side.CREDIT),
    /** Fees charged to the merchant (a contra account: debit-normal, grows as fees are charged). */
    MERCHANT_FEES(OwnerType.MERCHANT, Side.DEBIT),

    // System accounts, one per currency.
    /** Money the payment gateway owes Settle for captured payments, until it pays out to the bank. */
    GATEWAY_RECEIVABLE(OwnerType.SYSTEM, Side.DEBIT),
    /** Settle's bank account. */
    BANK_CASH(OwnerType.SYSTEM, Side.DEBIT),
    /** Payouts sent to merchants' banks and not yet confirmed on our bank statement. */
    PAYOUTS_IN_TRANSIT(OwnerType.SYSTEM, Side.CREDIT),
    /** Settle's revenue from merchant fees. */
    FEE_REVENUE(OwnerType.SYSTEM, Side.CREDIT),
    /** Costs the gateway charged Settle (commission, scheme fees, interchange). */
    GATEWAY_FEES(OwnerType.SYSTEM, Side.DEBIT),
    /** Differences nobody has explained yet; finance clears them by hand. */
    SUSPENSE(OwnerType.SYSTEM, Side.DEBIT);

    public enum OwnerType { MERCHANT, SYSTEM }

    private final OwnerType ownerType;
    private final Side normalSide;

    AccountKind(OwnerType ownerType, Side normalSide) {
        this.ownerType = ownerType;
        this.normalSide = normalSide;
    }

    public OwnerType ownerType() {
        return ownerType;
    }

    public Side normalSide() {
        return normalSide;
    }
}
