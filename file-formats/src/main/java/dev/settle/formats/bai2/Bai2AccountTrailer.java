package dev.settle.formats.bai2;

/**
 * 49 Account Trailer: 49,controlTotal,numberOfRecords/
 *
 * @param controlTotal signed sum of the account's amounts in implied decimals; null when blank
 * @param numberOfRecords records from 03 to 49 inclusive, 88s included; null when blank
 */
public record Bai2AccountTrailer(Long controlTotal, Long numberOfRecords, long line, int physicalRecords)
        implements Bai2Record {

    @Override
    public String recordCode() {
        return "49";
    }
}
