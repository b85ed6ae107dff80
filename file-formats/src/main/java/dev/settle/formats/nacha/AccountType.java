package dev.settle.formats.nacha;

/** Receiver account type; decides the transaction code of an entry. */
public enum AccountType {
    CHECKING(TransactionCodes.CHECKING_CREDIT, TransactionCodes.CHECKING_DEBIT),
    SAVINGS(TransactionCodes.SAVINGS_CREDIT, TransactionCodes.SAVINGS_DEBIT);

    private final String creditCode;
    private final String debitCode;

    AccountType(String creditCode, String debitCode) {
        this.creditCode = creditCode;
        this.debitCode = debitCode;
    }

    /** 22 or 32. */
    public String creditCode() {
        return creditCode;
    }

    /** 27 or 37 (used for the offset record). */
    public String debitCode() {
        return debitCode;
    }
}
