package dev.settle.formats.bai2;

/**
 * 99 File Trailer: 99,controlTotal,numberOfGroups,numberOfRecords/
 *
 * @param controlTotal Σ of the 98 control totals; null when blank
 */
public record Bai2FileTrailer(Long controlTotal, Long numberOfGroups, Long numberOfRecords, long line,
        int physicalRecords) implements Bai2Record {

    @Override
    public String recordCode() {
        return "99";
    }
}
