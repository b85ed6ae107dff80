package dev.settle.formats.nacha;

import java.util.Optional;
import java.util.Set;

/**
 * The entry detail transaction codes (positions 2-3) NACHA defines, and whether each one moves
 * money into (credit) or out of (debit) the receiver's account. Return and NOC codes (21, 26, 31,
 * 36, 41, 46, 51, 56) keep the direction of the entry they answer, as their batch controls do.
 */
public final class TransactionCodes {

    /** Checking credit (deposit), the code Settle's payouts use for checking accounts. */
    public static final String CHECKING_CREDIT = "22";
    public static final String CHECKING_DEBIT = "27";
    /** Savings credit, the code Settle's payouts use for savings accounts. */
    public static final String SAVINGS_CREDIT = "32";
    public static final String SAVINGS_DEBIT = "37";

    public enum Direction { CREDIT, DEBIT }

    // Second digit 1-4 credits, 5-9 debits (loan codes: 51-54 credits, 55-56 debits).
    private static final Set<String> CREDITS = Set.of(
            "21", "22", "23", "24", "31", "32", "33", "34", "41", "42", "43", "44", "51", "52", "53", "54");
    private static final Set<String> DEBITS = Set.of(
            "26", "27", "28", "29", "36", "37", "38", "39", "46", "47", "48", "49", "55", "56");
    /** Prenotifications and zero-dollar entries: the amount must be zero. */
    private static final Set<String> PRENOTES = Set.of(
            "23", "24", "28", "29", "33", "34", "38", "39", "43", "44", "48", "49", "53", "54");

    private TransactionCodes() {
    }

    public static Optional<Direction> direction(String code) {
        if (CREDITS.contains(code)) {
            return Optional.of(Direction.CREDIT);
        }
        if (DEBITS.contains(code)) {
            return Optional.of(Direction.DEBIT);
        }
        return Optional.empty();
    }

    public static boolean isPrenoteOrZeroDollar(String code) {
        return PRENOTES.contains(code);
    }
}
