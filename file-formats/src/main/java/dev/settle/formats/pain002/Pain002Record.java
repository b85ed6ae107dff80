package dev.settle.formats.pain002;

import dev.settle.formats.camt.XmlLocation;

/**
 * One item of a pain.002 stream: {@link Pain002GroupStatus} once, then per OrgnlPmtInfAndSts a
 * {@link Pain002PaymentInfoStatus} and its {@link Pain002TransactionStatus}es.
 */
public sealed interface Pain002Record permits Pain002GroupStatus, Pain002PaymentInfoStatus, Pain002TransactionStatus {

    XmlLocation location();
}
