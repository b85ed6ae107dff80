package dev.settle.formats.pain001;

import dev.settle.formats.FormatException;
import dev.settle.formats.Violation;
import dev.settle.formats.camt.XmlLocation;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Consistency checks over a pain.001 record stream, fed one record at a time:
 * <ul>
 *   <li>GrpHdr/NbOfTxs = number of CdtTrfTxInf in the message; each PmtInf/NbOfTxs = its count
 *   (compared as numbers: "09" is nine);</li>
 *   <li>GrpHdr/CtrlSum and each PmtInf/CtrlSum = the exact decimal sum of the instructed amounts.
 *   As ISO 20022 defines it, CtrlSum adds amounts "irrespective of currencies": 100 EUR + 5000 JPY
 *   sum to 5100. We sum each amount's exact major-unit decimal ({@code Money.toMajor()}) with
 *   BigDecimal, so nothing is rounded; the comparison is numeric (10.0 = 10.00). When an amount
 *   of the scope could not be read, its CtrlSum is not checked (the amount has its own violation);</li>
 *   <li>every debtor and creditor IBAN passes the ISO 13616 mod-97 check.</li>
 * </ul>
 */
public final class Pain001Validator {

    private final String file;
    private final List<Violation> violations = new ArrayList<>();
    private Pain001GroupHeader group;
    private long groupCount;
    private BigDecimal groupSum = BigDecimal.ZERO;
    private boolean groupSumUnknown;
    private Pain001PaymentInfo pmtInf;
    private long pmtInfCount;
    private BigDecimal pmtInfSum = BigDecimal.ZERO;
    private boolean pmtInfSumUnknown;

    public Pain001Validator(String file) {
        this.file = file;
    }

    /** Reads the whole stream; returns parse problems then consistency violations; a fatal one last. */
    public static List<Violation> validate(InputStream in, String file) {
        Pain001Validator validator = new Pain001Validator(file);
        List<Violation> all = new ArrayList<>();
        try (Pain001Reader reader = Pain001Reader.open(in, file)) {
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

    public void accept(Pain001Record record) {
        if (record instanceof Pain001GroupHeader h) {
            group = h;
            checkNumber(h.numberOfTransactions(), h.location(), "GrpHdr");
            checkDecimal(h.controlSum(), h.location(), "GrpHdr");
        } else if (record instanceof Pain001PaymentInfo p) {
            closePaymentInfo();
            pmtInf = p;
            pmtInfCount = 0;
            pmtInfSum = BigDecimal.ZERO;
            pmtInfSumUnknown = false;
            checkNumber(p.numberOfTransactions(), p.location(), "PmtInf");
            checkDecimal(p.controlSum(), p.location(), "PmtInf");
            checkIban(p.debtorIban(), p.location(), "PmtInf", "DbtrAcct/Id/IBAN");
        } else if (record instanceof Pain001CreditTransfer t) {
            groupCount++;
            pmtInfCount++;
            if (t.amount() == null) {
                groupSumUnknown = true;
                pmtInfSumUnknown = true;
            } else {
                groupSum = groupSum.add(t.amount().toMajor());
                pmtInfSum = pmtInfSum.add(t.amount().toMajor());
            }
            checkIban(t.creditorIban(), t.location(), "CdtTrfTxInf", "CdtrAcct/Id/IBAN");
        }
    }

    /** Runs the checks that need the whole message (group totals, last PmtInf). */
    public void finish() {
        closePaymentInfo();
        if (group != null) {
            compare(group.numberOfTransactions(), groupCount, group.controlSum(), groupSum, groupSumUnknown,
                    group.location(), "GrpHdr", Pain001Violation.PAIN001_GROUP_NB_OF_TXS_MISMATCH,
                    Pain001Violation.PAIN001_GROUP_CTRL_SUM_MISMATCH);
        }
    }

    public List<Violation> violations() {
        return violations;
    }

    private void closePaymentInfo() {
        if (pmtInf != null) {
            compare(pmtInf.numberOfTransactions(), pmtInfCount, pmtInf.controlSum(), pmtInfSum, pmtInfSumUnknown,
                    pmtInf.location(), "PmtInf", Pain001Violation.PAIN001_PMTINF_NB_OF_TXS_MISMATCH,
                    Pain001Violation.PAIN001_PMTINF_CTRL_SUM_MISMATCH);
            pmtInf = null;
        }
    }

    private void compare(String declaredCount, long count, String declaredSum, BigDecimal sum, boolean sumUnknown,
            XmlLocation at, String recordType, Pain001Violation countCode, Pain001Violation sumCode) {
        if (declaredCount != null && declaredCount.matches("[0-9]{1,15}") && Long.parseLong(declaredCount) != count) {
            violations.add(new Violation(countCode, file, at.line(), at.xmlPath() + "/NbOfTxs", recordType, "NbOfTxs",
                    declaredCount, recordType + " declares " + declaredCount + " transactions but holds " + count));
        }
        if (declaredSum != null && !sumUnknown && Pain001Reader.DECIMAL.matcher(declaredSum).matches()
                && new BigDecimal(declaredSum).compareTo(sum) != 0) {
            violations.add(new Violation(sumCode, file, at.line(), at.xmlPath() + "/CtrlSum", recordType, "CtrlSum",
                    declaredSum, recordType + " declares CtrlSum " + declaredSum + " but its amounts sum to "
                            + sum.toPlainString()));
        }
    }

    private void checkNumber(String raw, XmlLocation at, String recordType) {
        if (raw != null && !raw.matches("[0-9]{1,15}")) {
            violations.add(new Violation(Pain001Violation.PAIN001_BAD_NUMBER_OF_TXS, file, at.line(),
                    at.xmlPath() + "/NbOfTxs", recordType, "NbOfTxs", raw, "NbOfTxs must be 1 to 15 digits"));
        }
    }

    private void checkDecimal(String raw, XmlLocation at, String recordType) {
        if (raw != null && !Pain001Reader.DECIMAL.matcher(raw).matches()) {
            violations.add(new Violation(Pain001Violation.PAIN001_BAD_AMOUNT, file, at.line(),
                    at.xmlPath() + "/CtrlSum", recordType, "CtrlSum", raw, "CtrlSum is not a decimal number"));
        }
    }

    private void checkIban(String iban, XmlLocation at, String recordType, String field) {
        if (iban != null && !Iban.isValid(iban)) {
            violations.add(new Violation(Pain001Violation.PAIN001_BAD_IBAN, file, at.line(), at.xmlPath() + "/" + field,
                    recordType, field, iban, "not a valid IBAN (ISO 13616 pattern and mod-97 check digits)"));
        }
    }
}
