package dev.settle.formats.adyen;

import dev.settle.formats.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * Row-level validation of SDR rows, separate from parsing: returns the row's parse violations plus
 * the rule checks below. File-level checks (batch totals, payouts) are in {@link AdyenControlTotals}.
 * <ul>
 *   <li>{@code ADYEN_UNKNOWN_TYPE}: the Type text is not a documented type</li>
 *   <li>{@code ADYEN_EMPTY_PSP_REFERENCE}: a payment-related type ({@link SdrRecordType#requiresPspReference()}) without a Psp Reference</li>
 * </ul>
 */
public final class AdyenSdrValidator {

    private final String fileName;

    public AdyenSdrValidator(String fileName) {
        this.fileName = fileName;
    }

    /** Every violation of the row (empty when it is clean). */
    public List<Violation> validate(SdrLine row) {
        List<Violation> out = new ArrayList<>(row.parseViolations());
        if (row.type() == SdrRecordType.UNKNOWN) {
            out.add(new Violation(AdyenViolation.ADYEN_UNKNOWN_TYPE, fileName, row.line(), null, AdyenSdrReader.RECORD_TYPE,
                    SdrColumn.TYPE.header(), row.typeText(), "not a documented Settlement Details Report type"));
        } else if (row.type().requiresPspReference() && row.pspReference().isBlank()) {
            out.add(new Violation(AdyenViolation.ADYEN_EMPTY_PSP_REFERENCE, fileName, row.line(), null, row.typeText(),
                    SdrColumn.PSP_REFERENCE.header(), row.pspReference(), "a " + row.typeText() + " row must name its payment"));
        }
        return out;
    }
}
