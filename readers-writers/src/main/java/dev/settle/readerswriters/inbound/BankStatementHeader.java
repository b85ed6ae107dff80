package dev.settle.readerswriters.inbound;

import java.time.LocalDate;

/**
 * A statement (or notification) within a bank file, numbered from 1 in file order. Balances are
 * signed minor units (negative = overdrawn); null when the format does not carry them.
 */
public record BankStatementHeader(
        long lineNo,
        int statementNo,
        String account,
        String statementRef,
        Long sequenceNo,
        String currency,
        Long openingMinor,
        LocalDate openingDate,
        Long closingMinor,
        LocalDate closingDate) implements StagedItem {
}
