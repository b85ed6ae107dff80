package dev.settle.formats.mt940;

import java.util.List;

/**
 * The closing part of one statement.
 *
 * @param closingBalance :62F: or :62M:; null when missing
 * @param closingAvailableBalance :64:, null when absent
 * @param forwardAvailableBalances :65: fields in order
 * @param information statement-level :86: (after the closing balance), lines joined with '\n'; null when absent
 * @param extraTags uninterpreted tags after the last entry
 * @param line line of the closing balance (or where the statement ended when it is missing)
 */
public record Mt940StatementTrailer(
        Mt940Balance closingBalance,
        Mt940Balance closingAvailableBalance,
        List<Mt940Balance> forwardAvailableBalances,
        String information,
        List<Mt940RawTag> extraTags,
        long line) implements Mt940Item {

    public Mt940StatementTrailer {
        forwardAvailableBalances = List.copyOf(forwardAvailableBalances);
        extraTags = List.copyOf(extraTags);
    }
}
