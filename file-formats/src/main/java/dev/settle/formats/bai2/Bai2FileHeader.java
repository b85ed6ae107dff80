package dev.settle.formats.bai2;

import java.time.LocalDate;

/**
 * 01 File Header: 01,sender,receiver,creationDate,creationTime,fileId,recordLength,blockSize,version/
 *
 * @param creationTime as found: HHMM by the spec; some banks write HH:MM:SS (NatWest), kept as is
 * @param physicalRecordLength null when blank
 * @param blockSize null when blank
 */
public record Bai2FileHeader(String senderId, String receiverId, LocalDate creationDate, String creationTime,
        String fileId, Integer physicalRecordLength, Integer blockSize, String versionNumber, long line,
        int physicalRecords) implements Bai2Record {

    @Override
    public String recordCode() {
        return "01";
    }
}
