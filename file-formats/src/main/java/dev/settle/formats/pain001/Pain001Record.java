package dev.settle.formats.pain001;

import dev.settle.formats.camt.XmlLocation;

/** One item of a pain.001 stream: the group header, then per PmtInf its header and its transfers. */
public sealed interface Pain001Record permits Pain001GroupHeader, Pain001PaymentInfo, Pain001CreditTransfer {

    XmlLocation location();
}
