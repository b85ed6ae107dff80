package dev.settle.formats.pain002;

import dev.settle.formats.camt.XmlLocation;
import java.util.List;

/**
 * GrpHdr plus OrgnlGrpInfAndSts: which pain.001 this report answers and its group status.
 *
 * @param originalMessageId OrgnlMsgId: the MsgId of our pain.001
 * @param originalMessageNameId OrgnlMsgNmId, e.g. "pain.001.001.03"
 * @param groupStatus GrpSts (ACCP, RJCT, PART...), or null
 */
public record Pain002GroupStatus(
        Pain002Message message,
        String messageId,
        String creationDateTime,
        String originalMessageId,
        String originalMessageNameId,
        String groupStatus,
        List<Pain002StatusReason> reasons,
        XmlLocation location) implements Pain002Record {

    public Pain002GroupStatus {
        reasons = List.copyOf(reasons);
    }
}
