package dev.settle.formats.mt940;

import java.util.List;

/**
 * The opening part of one statement (message).
 *
 * @param transactionReference :20: (16x)
 * @param relatedReference :21: (16x), null when absent
 * @param accountId :25: (35x), account as the bank writes it (IBAN, BLZ/account, ...)
 * @param statementNumber :28C: before '/' (5n), or all of :28:
 * @param sequenceNumber :28C: after '/' (5n); null when absent
 * @param openingBalance :60F: or :60M:; null when missing (a violation says so)
 * @param extraTags uninterpreted tags met before the first entry (e.g. :NS:)
 * @param line line of the :20: tag
 */
public record Mt940StatementHeader(
        String transactionReference,
        String relatedReference,
        String accountId,
        String statementNumber,
        String sequenceNumber,
        Mt940Balance openingBalance,
        List<Mt940RawTag> extraTags,
        long line) implements Mt940Item {

    public Mt940StatementHeader {
        extraTags = List.copyOf(extraTags);
    }
}
