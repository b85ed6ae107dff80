package dev.settle.readerswriters.inbound;

/**
 * One item read from an inbound file, as the ingestion step stages it: a gateway report line, a
 * bank statement header, a bank entry, or a record rejected with its violation. Immutable.
 */
public sealed interface StagedItem permits GatewayLine, BankStatementHeader, BankEntryLine, RejectedRecord {

    /** 1-based line of the source file where the item starts (0 for XML files without line info). */
    long lineNo();
}
