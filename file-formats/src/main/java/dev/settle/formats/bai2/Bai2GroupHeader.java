package dev.settle.formats.bai2;

import java.time.LocalDate;

/**
 * 02 Group Header: 02,ultimateReceiver,originator,groupStatus,asOfDate,asOfTime,currency,asOfDateModifier/
 *
 * @param groupStatus 1 update, 2 deletion, 3 correction, 4 test only
 * @param currencyCode null when blank (accounts then default to the reader's default, USD)
 */
public record Bai2GroupHeader(String ultimateReceiverId, String originatorId, String groupStatus,
        LocalDate asOfDate, String asOfTime, String currencyCode, String asOfDateModifier, long line,
        int physicalRecords) implements Bai2Record {

    @Override
    public String recordCode() {
        return "02";
    }
}
