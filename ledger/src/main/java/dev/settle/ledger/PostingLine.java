package dev.settle.ledger;

import dev.settle.money.Money;
import java.util.Objects;

/** One line of a posting: a positive amount debited or credited to an account in its currency. */
public record PostingLine(AccountRef account, Side side, Money amount) {

    public PostingLine {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(amount, "amount");
        if (!amount.isPositive()) {
            throw new LedgerException(LedgerException.Code.NON_POSITIVE_AMOUNT,
                    "line amount must be positive, was " + amount + " on " + account);
        }
        if (amount.currency() != account.currency()) {
            throw new LedgerException(LedgerException.Code.CURRENCY_MISMATCH,
                    "line amount " + amount + " is not in the currency of account " + account);
        }
    }

    public static PostingLine debit(AccountRef account, Money amount) {
        return new PostingLine(account, Side.DEBIT, amount);
    }

    public static PostingLine credit(AccountRef account, Money amount) {
        return new PostingLine(account, Side.CREDIT, amount);
    }
}
