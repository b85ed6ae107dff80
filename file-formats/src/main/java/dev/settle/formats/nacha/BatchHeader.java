package dev.settle.formats.nacha;

/**
 * Company/Batch Header Record (type 5), domestic layout. For IAT batches positions 5-50 and 64-69
 * carry IAT fields (IAT indicator, foreign exchange data, ISO country and currency codes); they
 * are kept here, uninterpreted, in the domestic fields that cover the same positions.
 *
 * @param serviceClassCode (2-4) 200 mixed, 220 credits only, 225 debits only, 280 automated accounting advices
 * @param companyName (5-20)
 * @param companyDiscretionaryData (21-40)
 * @param companyIdentification (41-50)
 * @param standardEntryClassCode (51-53) PPD, CCD, WEB, TEL, IAT, COR, ...
 * @param companyEntryDescription (54-63) e.g. "PAYROLL", "REVERSAL"
 * @param companyDescriptiveDate (64-69)
 * @param effectiveEntryDate (70-75) YYMMDD
 * @param settlementDate (76-78) Julian day, filled in by the ACH operator
 * @param originatorStatusCode (79)
 * @param odfiIdentification (80-87) first 8 digits of the originating DFI routing number
 * @param batchNumber (88-94)
 */
public record BatchHeader(
        long line,
        String raw,
        String serviceClassCode,
        String companyName,
        String companyDiscretionaryData,
        String companyIdentification,
        String standardEntryClassCode,
        String companyEntryDescription,
        String companyDescriptiveDate,
        String effectiveEntryDate,
        String settlementDate,
        String originatorStatusCode,
        String odfiIdentification,
        String batchNumber) implements NachaRecord {

    public static final String TYPE_NAME = "5 Batch Header";

    static BatchHeader parse(long line, String raw) {
        String p = Fields.pad(raw);
        return new BatchHeader(line, raw, Fields.cut(p, 2, 4), Fields.cut(p, 5, 20), Fields.cut(p, 21, 40),
                Fields.cut(p, 41, 50), Fields.cut(p, 51, 53), Fields.cut(p, 54, 63), Fields.cut(p, 64, 69),
                Fields.cut(p, 70, 75), Fields.cut(p, 76, 78), Fields.cut(p, 79, 79), Fields.cut(p, 80, 87),
                Fields.cut(p, 88, 94));
    }

    @Override
    public String recordTypeName() {
        return TYPE_NAME;
    }

    @Override
    public String toLine() {
        return "5" + serviceClassCode + companyName + companyDiscretionaryData + companyIdentification
                + standardEntryClassCode + companyEntryDescription + companyDescriptiveDate + effectiveEntryDate
                + settlementDate + originatorStatusCode + odfiIdentification + batchNumber;
    }
}
