package dev.settle.formats.nacha;

import java.time.LocalDate;

/**
 * What a batch header of a Settle payout file says.
 *
 * @param secCode PPD (consumer) or CCD (corporate) (51-53)
 * @param companyName (5-20) at most 16 characters
 * @param companyDiscretionaryData (21-40) at most 20 characters, may be empty
 * @param companyIdentification (41-50) at most 10 characters (usually "1" + EIN)
 * @param companyEntryDescription (54-63) at most 10 characters, e.g. "PAYOUT"
 * @param companyDescriptiveDate (64-69) at most 6 characters, may be empty
 * @param effectiveEntryDate (70-75) the day the receivers should be credited
 * @param odfiRouting 9-digit routing number of the originating bank; (80-87) holds its first 8 digits
 */
public record NachaBatchSpec(
        SecCode secCode,
        String companyName,
        String companyDiscretionaryData,
        String companyIdentification,
        String companyEntryDescription,
        String companyDescriptiveDate,
        LocalDate effectiveEntryDate,
        String odfiRouting) {

    /** The standard entry classes Settle writes. */
    public enum SecCode { PPD, CCD }
}
