package dev.settle.jobs.settlement;

import dev.settle.money.Money;
import java.time.LocalDate;

/**
 * One line of a merchant's settlement statement. The lines of a settlement sum exactly to its net.
 *
 * @param gross for a fee line, the amount the fee was computed on; null otherwise
 * @param amount signed from the merchant's side (+ owed to the merchant)
 */
public record StatementLine(Type type, String reference, String description, Money gross, Money amount, LocalDate date) {

    public enum Type {
        BALANCE_BROUGHT_FORWARD, CAPTURE, REFUND, CHARGEBACK, SECOND_CHARGEBACK, CHARGEBACK_REVERSAL, FEE,
        RESERVE_HELD, RESERVE_RELEASED, RETURNED_PAYOUT
    }
}
