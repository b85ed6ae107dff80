package dev.settle.formats.pain001;

import dev.settle.formats.camt.XmlLocation;

/**
 * GrpHdr.
 *
 * @param numberOfTransactions NbOfTxs as written (Max15NumericText, "09" kept), or null
 * @param controlSum CtrlSum as written (a decimal over all currencies), or null when absent
 */
public record Pain001GroupHeader(
        Pain001Message message,
        String messageId,
        String creationDateTime,
        String numberOfTransactions,
        String controlSum,
        String initiatingPartyName,
        XmlLocation location) implements Pain001Record {
}
