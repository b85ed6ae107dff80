package dev.settle.formats.pain002;

import dev.settle.formats.FormatException;
import dev.settle.formats.Violation;
import dev.settle.formats.camt.XmlLocation;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks over a pain.002 record stream: the report names the pain.001 it answers (OrgnlMsgId);
 * every status is an ExternalPaymentTransactionStatus1Code; a rejection (RJCT) carries a reason
 * code, since a payout that failed for no stated reason cannot be handled; every transaction status
 * names the original transfer (OrgnlEndToEndId or OrgnlInstrId).
 */
public final class Pain002Validator {

    /** ExternalPaymentTransactionStatus1Code values, plus PART for group and PmtInf status. */
    public static final Set<String> STATUS_CODES = Set.of("ACCC", "ACCP", "ACFC", "ACIS", "ACPD", "ACSC", "ACSP",
            "ACTC", "ACWC", "ACWP", "BLCK", "CANC", "PART", "PATC", "PDNG", "PRES", "RCVD", "RJCT");

    private final String file;
    private final List<Violation> violations = new ArrayList<>();
    private boolean groupSeen;

    public Pain002Validator(String file) {
        this.file = file;
    }

    public static List<Violation> validate(InputStream in, String file) {
        Pain002Validator validator = new Pain002Validator(file);
        List<Violation> all = new ArrayList<>();
        try (Pain002Reader reader = Pain002Reader.open(in, file)) {
            try {
                while (reader.hasNext()) {
                    validator.accept(reader.next());
                }
            } finally {
                all.addAll(reader.violations());
            }
        } catch (FormatException e) {
            all.addAll(validator.violations());
            all.add(e.violation());
            return all;
        }
        validator.finish();
        all.addAll(validator.violations());
        return all;
    }

    public void accept(Pain002Record record) {
        if (record instanceof Pain002GroupStatus g) {
            groupSeen = true;
            if (g.originalMessageId() == null || g.originalMessageId().isEmpty()) {
                violations.add(new Violation(Pain002Violation.PAIN002_MISSING_FIELD, file, g.location().line(),
                        g.location().xmlPath(), "OrgnlGrpInfAndSts", "OrgnlMsgId", null,
                        "the report does not say which message it answers"));
            }
            status(g.groupStatus(), g.reasons(), g.location(), "OrgnlGrpInfAndSts", "GrpSts");
        } else if (record instanceof Pain002PaymentInfoStatus p) {
            status(p.status(), p.reasons(), p.location(), "OrgnlPmtInfAndSts", "PmtInfSts");
        } else if (record instanceof Pain002TransactionStatus t) {
            if (t.originalEndToEndId() == null && t.originalInstructionId() == null) {
                violations.add(new Violation(Pain002Violation.PAIN002_MISSING_FIELD, file, t.location().line(),
                        t.location().xmlPath(), "TxInfAndSts", "OrgnlEndToEndId", null,
                        "the status names no original transfer (OrgnlEndToEndId / OrgnlInstrId)"));
            }
            status(t.status(), t.reasons(), t.location(), "TxInfAndSts", "TxSts");
        }
    }

    public void finish() {
        if (!groupSeen) {
            violations.add(new Violation(Pain002Violation.PAIN002_MISSING_FIELD, file, 0, "/Document/CstmrPmtStsRpt",
                    "CstmrPmtStsRpt", "OrgnlGrpInfAndSts", null, "the report has no OrgnlGrpInfAndSts"));
        }
    }

    public List<Violation> violations() {
        return violations;
    }

    private void status(String status, List<Pain002StatusReason> reasons, XmlLocation at, String recordType,
            String field) {
        if (status == null) {
            return;
        }
        if (!STATUS_CODES.contains(status)) {
            violations.add(new Violation(Pain002Violation.PAIN002_UNKNOWN_STATUS, file, at.line(),
                    at.xmlPath() + "/" + field, recordType, field, status,
                    "not an ExternalPaymentTransactionStatus1Code"));
        } else if ("RJCT".equals(status) && reasons.stream().allMatch(r -> r.code() == null)) {
            violations.add(new Violation(Pain002Violation.PAIN002_REJECTION_WITHOUT_REASON, file, at.line(),
                    at.xmlPath() + "/" + field, recordType, "StsRsnInf/Rsn", status, "rejected without a reason code"));
        }
    }
}
