package dev.settle.formats.pain002;

import dev.settle.formats.camt.XmlLocation;
import java.util.List;

/**
 * OrgnlPmtInfAndSts header, emitted before its transaction statuses.
 *
 * @param index 1-based position in the report
 * @param originalPaymentInfoId OrgnlPmtInfId: the PmtInfId of our pain.001
 * @param status PmtInfSts, or null
 */
public record Pain002PaymentInfoStatus(
        int index,
        String originalPaymentInfoId,
        String status,
        List<Pain002StatusReason> reasons,
        XmlLocation location) implements Pain002Record {

    public Pain002PaymentInfoStatus {
        reasons = List.copyOf(reasons);
    }
}
